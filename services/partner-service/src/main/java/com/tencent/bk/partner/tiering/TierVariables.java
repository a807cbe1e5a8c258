package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.process.ProcessVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A headcount and the minimums it is held against, as the six process variables every tier-related form
 * shows ({@code automationService} … {@code requiredDevelopment}).
 */
public final class TierVariables {

    private TierVariables() {
    }

    /** In the order {@link #named} gives them their values. */
    private static final List<String> NAMES = List.of("automationService", "automationUsage", "development",
            "requiredAutomationService", "requiredAutomationUsage", "requiredDevelopment");

    public static Map<String, Object> of(Headcount headcount, Minimums required) {
        return named(headcount.automationService(), headcount.automationUsage(), headcount.development(),
                required.automationService(), required.automationUsage(), required.development());
    }

    /** The six names without values: a form that shows none rather than an older copy. */
    public static Map<String, Object> unknown() {
        return named(new Object[NAMES.size()]);
    }

    private static Map<String, Object> named(Object... values) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            variables.put(NAMES.get(i), values[i]);
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
