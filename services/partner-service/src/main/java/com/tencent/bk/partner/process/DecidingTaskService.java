package com.tencent.bk.partner.process;

import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with every completion going through {@link DecidedCompletion}: REST, Tasklist and
 * Java callers alike can complete a task only with its declared decision. Resolving a delegated task carries no
 * variables (it would write them to the process scope unchecked). A task cannot throw a BPMN error or an
 * escalation: no model catches one, and the engine would end the task's execution without a decision.
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

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        throw notThrowable(taskId, "a BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        throw notThrowable(taskId, "a BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        throw notThrowable(taskId, "a BPMN error");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        throw notThrowable(taskId, "an escalation");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        throw notThrowable(taskId, "an escalation");
    }

    private static TaskRefusedException notThrowable(String taskId, String what) {
        return new TaskRefusedException("Task " + taskId + " cannot throw " + what + ": no step of the program "
                + "catches one; complete the task with its decision");
    }
}
