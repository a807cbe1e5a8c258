package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.process.DecisionLog;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Puts the decisions taken earlier in the same process on a new task as comments, so that Tasklist's History tab
 * shows them: the manager approving an application sees who reviewed it, what they decided and why. Each comment
 * carries the deciding user and the time of the decision, read from the decision log.
 */
@Component
class EarlierDecisions {

    /** Camunda keeps the short form of a comment in a column of this size (its own AddCommentCmd cuts it so). */
    private static final int SHORT_MESSAGE_LENGTH = 163;

    private final DecisionLog decisions;

    EarlierDecisions(DecisionLog decisions) {
        this.decisions = decisions;
    }

    void addTo(DelegateTask task) {
        if (startedInThisCommand(task)) {
            return; // a process that is starting now has decided nothing yet: no need to ask the decision log
        }
        for (DecisionLog.Dated dated : decisions.ofProcess(task.getProcessInstanceId())) {
            comment(task, dated, message(stepName(task, dated.decision().taskKey()), dated.decision()));
        }
    }

    /** Its process instance was created by the engine command that creates the task, and not yet written. */
    private static boolean startedInThisCommand(DelegateTask task) {
        ExecutionEntity processInstance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
        return Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(processInstance);
    }

    /** "审核申请 Review application: ✔ 同意 Yes — 资质齐全 complete". */
    static String message(String stepName, DecisionLog.Recorded decision) {
        String value = switch (decision.value() == null ? "" : decision.value()) {
            case "true" -> "✔ 同意 Yes";
            case "false" -> "✘ 不同意 No";
            case "" -> "备注 Note";
            default -> decision.value();
        };
        String comment = decision.comment() == null || decision.comment().isBlank() ? "" : " — " + decision.comment();
        return stepName + ": " + value + comment;
    }

    private static String stepName(DelegateTask task, String taskKey) {
        FlowElement element = task.getBpmnModelElementInstance() == null ? null
                : task.getBpmnModelElementInstance().getModelInstance().getModelElementById(taskKey);
        return element != null && element.getName() != null ? element.getName() : taskKey;
    }

    /**
     * Written as the engine's AddCommentCmd writes a comment, but without its authorization check: the user
     * completing the previous step may not update the task it creates for someone else.
     */
    private static void comment(DelegateTask task, DecisionLog.Dated dated, String message) {
        CommentEntity comment = new CommentEntity();
        comment.setType(CommentEntity.TYPE_COMMENT);
        comment.setUserId(dated.decision().decidedBy());
        comment.setTime(Date.from(dated.decidedAt()));
        comment.setTaskId(task.getId());
        comment.setProcessInstanceId(task.getProcessInstanceId());
        comment.setRootProcessInstanceId(((ExecutionEntity) task.getExecution()).getRootProcessInstanceId());
        comment.setAction(Event.ACTION_ADD_COMMENT);
        comment.setMessage(message.length() > SHORT_MESSAGE_LENGTH
                ? message.substring(0, SHORT_MESSAGE_LENGTH - 3) + "..." : message);
        comment.setFullMessage(message);
        Context.getCommandContext().getCommentManager().insert(comment);
    }
}
