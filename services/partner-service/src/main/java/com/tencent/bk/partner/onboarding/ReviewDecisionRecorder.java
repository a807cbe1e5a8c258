package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import com.tencent.bk.partner.process.TaskActors;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code review-application}: keeps who reviewed and what they decided, since the
 * manager's approval reuses the variables {@code approved} and {@code comment}.
 */
@Component("reviewDecisionRecorder")
class ReviewDecisionRecorder implements TaskListener {

    private final TaskActors actors;

    ReviewDecisionRecorder(TaskActors actors) {
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(REVIEWED_BY, actors.completingUser(task));
        task.setVariable(REVIEW_APPROVED, task.getVariable(APPROVED));
        task.setVariable(REVIEW_COMMENT, task.getVariable(COMMENT));
    }
}
