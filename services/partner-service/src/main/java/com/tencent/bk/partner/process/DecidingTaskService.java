package com.tencent.bk.partner.process;

import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with every completion going through {@link DecidedCompletion}: REST, Tasklist and
 * Java callers alike can complete a task only with its declared decision. Resolving a delegated task carries no
 * variables (it would write them to the process scope unchecked).
 */
class DecidingTaskService extends TaskServiceImpl {

    private final DecisionLog log;
    private final Predicate<String> taskStillThere;

    DecidingTaskService(DecisionLog log, Predicate<String> taskStillThere) {
        this.log = log;
        this.taskStillThere = taskStillThere;
    }

    @Override
    public void complete(String taskId) {
        complete(taskId, null);
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, variables, false, false));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                     boolean deserializeValues) {
        return commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, variables, true, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        if (variables != null && !variables.isEmpty()) {
            throw new DecisionRefusedException("Resolving task " + taskId + " carries no variables: "
                    + String.join(", ", variables.keySet()), java.util.List.copyOf(variables.keySet()));
        }
        super.resolveTask(taskId);
    }
}
