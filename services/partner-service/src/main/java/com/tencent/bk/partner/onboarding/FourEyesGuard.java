package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.process.Variables;
import java.util.Objects;
import com.tencent.bk.partner.process.TaskActors;
import com.tencent.bk.partner.process.TaskRefusedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on {@code approve-application}: the user who reviewed an application can neither be assigned
 * its approval nor complete it. Enforced in the engine, so Tasklist, REST and Java callers all meet it; the
 * refusal surfaces as HTTP 403 through the REST API.
 */
@Component("fourEyesGuard")
class FourEyesGuard implements TaskListener {

    private final TaskActors actors;

    FourEyesGuard(TaskActors actors) {
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = (String) task.getVariable(Variables.REVIEWED_BY);
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
                : actors.completingUser(task);
        if (reviewer != null && Objects.equals(reviewer, actor)) {
            throw new TaskRefusedException("四眼原则 Four-eyes rule: " + actor
                    + " reviewed this application and cannot also approve it");
        }
    }
}
