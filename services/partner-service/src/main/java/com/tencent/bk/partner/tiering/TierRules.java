package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The headcount minimums of every type and level, from the DMN decision {@code partner-minimums}, the single
 * source of the tier rules. The table is read once per deployed version and kept in memory, so evaluating a
 * partner on the hot path costs no engine call; a newly deployed version (Cockpit, REST) is picked up within
 * {@code partner.tiering.rules-refresh}.
 */
@Component
public class TierRules {

    public static final String MINIMUMS_DECISION = "partner-minimums";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final ProgramClock clock;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot;

    TierRules(DecisionService decisions, RepositoryService repository, ProgramClock clock,
              TieringProperties properties) {
        this.decisions = decisions;
        this.repository = repository;
        this.clock = clock;
        this.refreshInterval = properties.rulesRefresh();
    }

    /** Minimums of a type; {@code level} only for ENTERPRISE (null there means TRIAL). */
    public Minimums minimums(PartnerType type, PartnerLevel level) {
        return current().minimums(type, level);
    }

    public String ruleVersion() {
        return current().version();
    }

    /** Checks an applicant's headcount against a type; for ENTERPRISE finds the highest level it meets. */
    public Qualification qualify(PartnerType type, Headcount headcount) {
        Snapshot rules = current();
        if (type != PartnerType.ENTERPRISE) {
            Minimums required = rules.minimums(type, null);
            return new Qualification(type, null, required.metBy(headcount), headcount, required, rules.version());
        }
        PartnerLevel level = rules.highestLevelMet(headcount);
        // not even the entry level met: reviewers see the shortfall against TRIAL, the level they could grant
        PartnerLevel shown = level == null ? PartnerLevel.TRIAL : level;
        return new Qualification(type, shown, level != null, headcount, rules.minimums(type, shown), rules.version());
    }

    /** Evaluates a partner's headcount against its current type and level. */
    public Evaluation evaluate(Partner partner, Headcount headcount, String trigger) {
        Snapshot rules = current();
        PartnerLevel current = partner.type() == PartnerType.ENTERPRISE && partner.level() == null
                ? PartnerLevel.TRIAL : partner.level();
        Minimums required = rules.minimums(partner.type(), current);
        PartnerLevel qualifying = partner.type() == PartnerType.ENTERPRISE ? rules.highestLevelMet(headcount) : null;
        EvaluationOutcome outcome = !required.metBy(headcount) ? EvaluationOutcome.SHORTFALL
                : qualifying != null && qualifying.compareTo(current) > 0 ? EvaluationOutcome.UPGRADE
                : EvaluationOutcome.MEETS;
        return new Evaluation(partner.partnerId(), clock.now(), trigger, partner.type(), current, headcount, required,
                qualifying, outcome, rules.version());
    }

    private Snapshot current() {
        Snapshot rules = snapshot;
        Instant now = Instant.now();
        if (rules != null && now.isBefore(rules.checkedAt().plus(refreshInterval))) {
            return rules;
        }
        synchronized (this) {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(MINIMUMS_DECISION).latestVersion().singleResult();
            if (latest == null) {
                throw new IllegalStateException("Decision " + MINIMUMS_DECISION + " is not deployed");
            }
            if (snapshot == null || !snapshot.definitionId().equals(latest.getId())) {
                snapshot = load(latest, now);
            } else {
                snapshot = snapshot.checkedAgainAt(now);
            }
            return snapshot;
        }
    }

    private Snapshot load(DecisionDefinition definition, Instant now) {
        Map<String, Minimums> table = new HashMap<>();
        for (PartnerType type : PartnerType.values()) {
            if (type == PartnerType.ENTERPRISE) {
                for (PartnerLevel level : PartnerLevel.values()) {
                    table.put(Snapshot.key(type, level), evaluate(definition, type, level));
                }
            } else {
                table.put(Snapshot.key(type, null), evaluate(definition, type, null));
            }
        }
        String tag = definition.getVersionTag();
        return new Snapshot(definition.getId(), (tag == null ? "" : tag + "/") + "v" + definition.getVersion(),
                Map.copyOf(table), now);
    }

    private Minimums evaluate(DecisionDefinition definition, PartnerType type, PartnerLevel level) {
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId())
                .variables(Map.of("partnerType", type.name(), "level", level == null ? "" : level.name()))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("Decision " + MINIMUMS_DECISION + " has no rule for " + type + "/" + level);
        }
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        return new Minimums(number(row, "automationService"), number(row, "automationUsage"),
                number(row, "development"));
    }

    private static int number(Map<String, Object> row, String output) {
        if (!(row.get(output) instanceof Number number)) {
            throw new IllegalStateException("Decision output " + output + " is not a number: " + row.get(output));
        }
        return number.intValue();
    }

    private record Snapshot(String definitionId, String version, Map<String, Minimums> table, Instant checkedAt) {

        static String key(PartnerType type, PartnerLevel level) {
            return type + "/" + (level == null ? "" : level);
        }

        Minimums minimums(PartnerType type, PartnerLevel level) {
            PartnerLevel effective = type == PartnerType.ENTERPRISE && level == null ? PartnerLevel.TRIAL : level;
            return table.get(key(type, type == PartnerType.ENTERPRISE ? effective : null));
        }

        PartnerLevel highestLevelMet(Headcount headcount) {
            for (PartnerLevel level : PartnerLevel.HIGHEST_FIRST) {
                if (minimums(PartnerType.ENTERPRISE, level).metBy(headcount)) {
                    return level;
                }
            }
            return null;
        }

        Snapshot checkedAgainAt(Instant now) {
            return new Snapshot(definitionId, version, table, now);
        }
    }
}
