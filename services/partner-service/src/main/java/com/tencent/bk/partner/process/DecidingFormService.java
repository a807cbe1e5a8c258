package com.tencent.bk.partner.process;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, with a submitted task form (Tasklist's "Complete") going through
 * {@link DecidedCompletion} like any other completion: the form's variables are the task's decision.
 */
class DecidingFormService extends FormServiceImpl {

    private final DecisionLog log;
    private final Predicate<String> taskStillThere;

    DecidingFormService(DecisionLog log, Predicate<String> taskStillThere) {
        this.log = log;
        this.taskStillThere = taskStillThere;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, properties, false, false));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
        return commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, properties, true, deserializeValues));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : new HashMap<>(properties));
    }
}
