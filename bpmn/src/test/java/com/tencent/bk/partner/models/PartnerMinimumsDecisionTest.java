package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = ProcessTestSupport.MINIMUMS_DMN)
class PartnerMinimumsDecisionTest extends ProcessTestSupport {

    @ParameterizedTest(name = "{0} {1} needs {2} service / {3} usage automation, {4} development")
    @CsvSource(emptyValue = "", value = {
            "ENTERPRISE, TRIAL,   3, 0, 3",
            "ENTERPRISE, LEVEL_3, 5, 0, 5",
            "ENTERPRISE, LEVEL_2, 10, 0, 10",
            "ENTERPRISE, LEVEL_1, 20, 0, 20",
            "COMMUNITY,  '',      2, 0, 1",
            "EDUCATION,  '',      0, 1, 1",
            "BRAND,      '',      0, 0, 0"})
    void eachRowGivesItsMinimums(String partnerType, String level, int automationService, int automationUsage,
                                 int development) {
        DmnDecisionTableResult result = evaluate(partnerType, level);

        assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "automationService", automationService,
                "automationUsage", automationUsage,
                "development", development));
    }

    @Test
    void unknownTypeYieldsNoResult() {
        assertThat(evaluate("RESELLER", "")).isEmpty();
    }

    @Test
    void enterpriseWithoutALevelYieldsNoResult() {
        assertThat(evaluate("ENTERPRISE", "")).isEmpty();
    }

    @Test
    void decisionCarriesItsRuleVersion() {
        DecisionDefinition definition = repositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("partner-minimums").singleResult();

        assertThat(definition.getVersionTag()).isEqualTo("2026.1");
        assertThat(definition.getName()).isEqualTo("认证人数最低要求 Certified headcount minimums");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    }

    private static DmnDecisionTableResult evaluate(String partnerType, String level) {
        return decisionService().evaluateDecisionTableByKey("partner-minimums",
                Variables.createVariables().putValue("partnerType", partnerType).putValue("level", level));
    }
}
