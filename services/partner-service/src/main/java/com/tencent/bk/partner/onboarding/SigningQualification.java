package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.FormFiguresSource;
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
 * <li>the form shows the company's headcount when it is opened against the minimums of its type, and the level it
 * would be activated at: figures read from the registry at that moment ({@link FormFiguresSource}, by the task's
 * listed {@code partnerId}), not copies written onto the process when the task was created;
 * <li>complete: a signature ({@code contractSigned=true}) is checked against the headcount at that moment; when
 * the company falls short the completion is refused with 400 naming {@code contractSigned} and the shortfall,
 * and the task stays for the manager to sign once the company qualifies, or to record it as not signed.
 * </ul>
 * The application's type is read from its row by business key; the decision from the decision log.
 */
@Component("signingQualification")
class SigningQualification implements TaskListener, FormFiguresSource {

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
        if (EVENTNAME_COMPLETE.equals(task.getEventName())
                && decisions.latest(task.getExecution(), Bpmn.SIGN_CONTRACT).isYes()) {
            String partnerId = ProcessVariables.of(task).partnerId();
            onboarding.requireQualifiedAtSigning(partnerId, applications.openOf(partnerId).type());
        }
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return Bpmn.SIGN_CONTRACT.equals(taskDefinitionKey);
    }

    /** The partner the task is about: its listed copy of the business key, which no user can change. */
    @Override
    public String reference() {
        return PARTNER_ID;
    }

    @Override
    public Map<String, Object> figures(Object reference) {
        return applications.findOpen(reference.toString()).map(application -> {
            Qualification now = onboarding.qualificationAtSigning(reference.toString(), application.type());
            Map<String, Object> figures = new HashMap<>(TierVariables.of(now.headcount(), now.required()));
            figures.put(QUALIFIED, now.qualified());
            figures.put(LEVEL_AT_SIGNING, now.qualified() && now.level() != null ? now.level().name() : null);
            figures.put(QUALIFICATION_SUMMARY, now.summary());
            return figures;
        }).orElse(Map.of());
    }
}
