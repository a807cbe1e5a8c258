package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.deadlines.DeadlineMoved;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A moved deadline moves the follow-up date of the process's open tasks with it, and the grace end they list, so
 * that Tasklist sorts and shows the deadline that will actually fire. Runs after the process's own variables
 * followed the move.
 */
@Component
class FollowUpDates {

    private final TaskService tasks;
    private final RuntimeService runtime;

    FollowUpDates(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void follow(DeadlineMoved moved) {
        if (!TaskPresentation.DEADLINES.containsValue(moved.variable())) {
            return;
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(moved.processInstanceId()).list()) {
            task.setFollowUpDate(Date.from(moved.dueAt()));
            tasks.saveTask(task);
            if (tasks.getVariableLocal(task.getId(), ListedVariables.GRACE_ENDS_ON) != null) {
                tasks.setVariableLocal(task.getId(), ListedVariables.GRACE_ENDS_ON,
                        runtime.getVariable(moved.processInstanceId(), ListedVariables.GRACE_ENDS_ON));
            }
        }
    }
}
