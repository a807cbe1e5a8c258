package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import com.tencent.bk.partner.process.TaskActors;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code review-application}: keeps who reviewed and what they decided, since the
 * manager's approval reuses the variables {@code approved} and {@code comment}. The reviewer is also kept on
 * the application row, out of reach of later task completions, for the four-eyes rule.
 */
@Component("reviewDecisionRecorder")
class ReviewDecisionRecorder implements TaskListener {

    private final TaskActors actors;
    private final ApplicationRecords applications;

    ReviewDecisionRecorder(TaskActors actors, ApplicationRecords applications) {
        this.actors = actors;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = actors.completingUser(task);
        applications.recordReviewer(task.getProcessInstanceId(), reviewer);
        task.setVariable(REVIEWED_BY, reviewer);
        task.setVariable(REVIEW_APPROVED, task.getVariable(APPROVED));
        task.setVariable(REVIEW_COMMENT, task.getVariable(COMMENT));
    }
}
