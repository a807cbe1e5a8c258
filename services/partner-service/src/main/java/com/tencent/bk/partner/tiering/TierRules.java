package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/** Evaluates the DMN decision {@code partner-minimums}, the single source of headcount minimums. */
@Component
public class TierRules {

    public static final String MINIMUMS_DECISION = "partner-minimums";

    private final DecisionService decisions;
    private final RepositoryService repository;

    TierRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** Minimums of a type; {@code level} only for ENTERPRISE. */
    public Minimums minimums(PartnerType type, PartnerLevel level) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(MINIMUMS_DECISION)
                .variables(Map.of("partnerType", type.name(), "level", level == null ? "" : level.name()))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision " + MINIMUMS_DECISION + " has no rule for " + type + "/" + level);
        }
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        return new Minimums(number(row, "automationService"), number(row, "automationUsage"),
                number(row, "development"));
    }

    /** Checks a headcount against a type; for ENTERPRISE finds the highest level it meets. */
    public Qualification qualify(PartnerType type, Headcount headcount) {
        String version = ruleVersion();
        if (type != PartnerType.ENTERPRISE) {
            Minimums required = minimums(type, null);
            return new Qualification(type, null, required.metBy(headcount), headcount, required, version);
        }
        for (PartnerLevel level : PartnerLevel.HIGHEST_FIRST) {
            Minimums required = minimums(type, level);
            if (required.metBy(headcount)) {
                return new Qualification(type, level, true, headcount, required, version);
            }
        }
        // not even the entry level is met: reviewers see the shortfall against TRIAL, the level they could grant
        return new Qualification(type, PartnerLevel.TRIAL, false, headcount, minimums(type, PartnerLevel.TRIAL),
                version);
    }

    /** "v{version}" of the deployed decision, with its version tag when set. */
    public String ruleVersion() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(MINIMUMS_DECISION).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Decision " + MINIMUMS_DECISION + " is not deployed");
        }
        String tag = definition.getVersionTag();
        return (tag == null ? "" : tag + "/") + "v" + definition.getVersion();
    }

    private static int number(Map<String, Object> row, String output) {
        Object value = row.get(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Decision output " + output + " is not a number: " + value);
        }
        return number.intValue();
    }
}
