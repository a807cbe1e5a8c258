package com.tencent.bk.partner.tiering;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The headcount and minimums of an evaluation as the process variables its form shows. */
final class TierVariables {

    private TierVariables() {
    }

    static void putHeadcount(Map<String, Object> variables, Evaluation evaluation) {
        variables.put("automationService", evaluation.headcount().automationService());
        variables.put("automationUsage", evaluation.headcount().automationUsage());
        variables.put("development", evaluation.headcount().development());
        variables.put("requiredAutomationService", evaluation.required().automationService());
        variables.put("requiredAutomationUsage", evaluation.required().automationUsage());
        variables.put("requiredDevelopment", evaluation.required().development());
    }

    static void setHeadcount(VariableScope scope, Evaluation evaluation) {
        Map<String, Object> variables = new java.util.HashMap<>();
        putHeadcount(variables, evaluation);
        scope.setVariables(variables);
    }
}
