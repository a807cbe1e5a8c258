package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.process.TaskActors;
import com.tencent.bk.partner.process.TaskRefusedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on {@code approve-application}: the user who reviewed an application can neither be assigned
 * its approval nor complete it. Enforced in the engine, so Tasklist, REST and Java callers all meet it; the
 * refusal surfaces as HTTP 403 through the REST API. The reviewer is read from the application row, not from
 * a process variable, which the completing user could send along with the completion.
 */
@Component("fourEyesGuard")
class FourEyesGuard implements TaskListener {

    private final TaskActors actors;
    private final ApplicationRecords applications;

    FourEyesGuard(TaskActors actors, ApplicationRecords applications) {
        this.actors = actors;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
                : actors.completingUser(task);
        if (actor != null && applications.reviewerOf(task.getProcessInstanceId()).filter(actor::equals).isPresent()) {
            throw new TaskRefusedException("四眼原则 Four-eyes rule: " + actor
                    + " reviewed this application and cannot also approve it");
        }
    }
}
