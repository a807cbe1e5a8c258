package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.process.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A headcount and the minimums it is held against, as the six process variables every tier-related form
 * shows ({@code automationService} … {@code requiredDevelopment}).
 */
public final class TierVariables {

    private TierVariables() {
    }

    public static Map<String, Object> of(Headcount headcount, Minimums required) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("automationService", headcount.automationService());
        variables.put("automationUsage", headcount.automationUsage());
        variables.put("development", headcount.development());
        variables.put("requiredAutomationService", required.automationService());
        variables.put("requiredAutomationUsage", required.automationUsage());
        variables.put("requiredDevelopment", required.development());
        return variables;
    }

    /** The six names without values: a form that shows none rather than an older copy. */
    public static Map<String, Object> unknown() {
        Map<String, Object> variables = new HashMap<>();
        for (String name : new String[] {"automationService", "automationUsage", "development",
                "requiredAutomationService", "requiredAutomationUsage", "requiredDevelopment"}) {
            variables.put(name, null);
        }
        return variables;
    }

    /** Sets those that changed ({@link ProcessVariables#setChanged}). */
    public static void set(VariableScope scope, Headcount headcount, Minimums required) {
        ProcessVariables.setChanged(scope, of(headcount, required));
    }

    /** On the scope itself, e.g. one case of a multi-instance audit. */
    public static void setLocal(VariableScope scope, Headcount headcount, Minimums required) {
        scope.setVariablesLocal(of(headcount, required));
    }
}
