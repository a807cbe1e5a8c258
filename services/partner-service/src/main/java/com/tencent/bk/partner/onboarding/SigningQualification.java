package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.tiering.Qualification;
import com.tencent.bk.partner.tiering.TierVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The minimums hold at first signing (seed: basic qualifications "at first signing"). On {@code sign-contract}:
 * <ul>
 * <li>create: the form shows the company's current headcount against the minimums of its type, and the level
 * it would be activated at (a view, copied from the registry);
 * <li>complete: a signature ({@code contractSigned=true}) is checked against the headcount at that moment; when
 * the company falls short the completion is refused with 400 naming {@code contractSigned} and the shortfall,
 * and the task stays for the manager to sign once the company qualifies, or to record it as not signed.
 * </ul>
 * The application's type is read from its row by business key; the decision from the decision log.
 */
@Component("signingQualification")
class SigningQualification implements TaskListener {

    private final Onboarding onboarding;
    private final ApplicationRecords applications;
    private final DecisionLog decisions;

    SigningQualification(Onboarding onboarding, ApplicationRecords applications, DecisionLog decisions) {
        this.onboarding = onboarding;
        this.applications = applications;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        String partnerId = ProcessVariables.of(task).partnerId();
        ApplicationRecords.OpenApplication application = applications.openOf(partnerId);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Qualification now = onboarding.qualificationAtSigning(partnerId, application.type());
            Map<String, Object> view = new HashMap<>(TierVariables.of(now.headcount(), now.required()));
            view.put(QUALIFIED, now.qualified());
            view.put(LEVEL_AT_SIGNING, now.qualified() && now.level() != null ? now.level().name() : null);
            view.put(QUALIFICATION_SUMMARY, now.summary());
            // mostly what the review showed: only what changed since is written again
            ProcessVariables.setChanged(task.getExecution(), view);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())
                && decisions.latest(task.getExecution(), Bpmn.SIGN_CONTRACT).isYes()) {
            onboarding.requireQualifiedAtSigning(partnerId, application.type());
        }
    }
}
