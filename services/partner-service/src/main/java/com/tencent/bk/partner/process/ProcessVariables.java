package com.tencent.bk.partner.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables, failing loudly on a missing or mistyped one. */
public final class ProcessVariables {

    private final VariableScope scope;

    private ProcessVariables(VariableScope scope) {
        this.scope = scope;
    }

    public static ProcessVariables of(VariableScope scope) {
        return new ProcessVariables(scope);
    }

    /**
     * Sets only those of {@code values} the scope does not already hold with an equal value: an equal value set
     * again still costs the engine an update of the variable's row and a read and an update of its history.
     */
    public static void setChanged(VariableScope scope, Map<String, ?> values) {
        Map<String, Object> changed = new HashMap<>();
        values.forEach((name, value) -> {
            if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
                changed.put(name, value);
            }
        });
        if (!changed.isEmpty()) {
            scope.setVariables(changed);
        }
    }

    public String text(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable " + name + " is missing");
        }
        return value.toString();
    }

    public String optionalText(String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public boolean flag(String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalStateException("Process variable " + name + " must be a boolean, was " + value);
    }

    public UUID uuid(String name) {
        return UUID.fromString(text(name));
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        return Enum.valueOf(type, text(name));
    }

    /**
     * The partner a process belongs to: its business key, which no task completion can change (a user
     * completing a task may send any variable, {@code partnerId} included). The variable is the fallback for
     * scopes outside a process instance.
     */
    public String partnerId() {
        String businessKey = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey()
                : scope instanceof DelegateTask task ? task.getExecution().getProcessBusinessKey() : null;
        return businessKey != null ? businessKey : text(Variables.PARTNER_ID);
    }
}
