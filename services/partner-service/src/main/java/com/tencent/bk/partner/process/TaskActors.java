package com.tencent.bk.partner.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who acts on a task: the authenticated user of the call (REST, Tasklist), else the task's assignee. */
@Component
public class TaskActors {

    private final IdentityService identity;

    TaskActors(IdentityService identity) {
        this.identity = identity;
    }

    public String completingUser(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
