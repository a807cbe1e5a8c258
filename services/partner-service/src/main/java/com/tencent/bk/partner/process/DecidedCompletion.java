package com.tencent.bk.partner.process;

import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Completes a task with its decision, in one engine command: the caller must be allowed to work the task; the
 * variables must be exactly the task's declared decision ({@link TaskDecisions}); the decision is recorded in
 * {@link DecisionLog} and kept as variables local to the task. Local, so the decision stays with the task in the
 * history and never reaches the process scope, where it would pre-fill a later task's form (the manager's
 * approval used to open with the reviewer's {@code approved=true}) or be mistaken for a later decision.
 */
class DecidedCompletion implements Command<VariableMap> {

    private final DecisionLog log;
    private final Predicate<String> taskStillThere;
    private final String taskId;
    private final Map<String, Object> variables;
    private final boolean returnVariables;
    private final boolean deserializeReturned;

    DecidedCompletion(DecisionLog log, Predicate<String> taskStillThere, String taskId, Map<String, Object> variables,
                      boolean returnVariables, boolean deserializeReturned) {
        this.log = log;
        this.taskStillThere = taskStillThere;
        this.taskId = taskId;
        this.variables = variables;
        this.returnVariables = returnVariables;
        this.deserializeReturned = deserializeReturned;
    }

    @Override
    public VariableMap execute(CommandContext context) {
        try {
            return decideAndComplete(context);
        } catch (AuthorizationException | NullPointerException refused) {
            // the task was read before another transaction ended its process (a shortfall that closed by itself):
            // its grants went with it, so the check fails, or its process's executions did, and the engine meets
            // nulls wherever it reads them next; the honest answer is that the task is gone (404), not 403 or 400
            if (!taskStillThere.test(taskId)) {
                throw new NullValueException("Cannot find task with id " + taskId + ": its process has moved on");
            }
            throw refused;
        }
    }

    private VariableMap decideAndComplete(CommandContext context) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            // the engine's own answer for a missing task (404 through the REST API)
            return new CompleteTaskCmd(taskId, null, returnVariables, deserializeReturned).execute(context);
        }
        // who may not work the task learns nothing about its decision
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        if (task.getProcessInstanceId() == null) {
            throw new BadUserRequestException("Task " + taskId + " belongs to no process of the program");
        }
        TaskDecisions.Decision decision = TaskDecisions.check(task.getTaskDefinitionKey(), variables);
        task.setVariablesLocal(decision.variables(), true);
        String actor = context.getAuthenticatedUserId() != null ? context.getAuthenticatedUserId() : task.getAssignee();
        log.record(task.getProcessInstanceId(), task.getExecutionId(), task.getId(),
                task.getProcessInstance().getBusinessKey(), decision, actor);
        return new CompleteTaskCmd(taskId, null, returnVariables, deserializeReturned).execute(context);
    }
}
