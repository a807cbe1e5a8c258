package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import com.tencent.bk.partner.billing.Invoices;
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
 * <li>the form shows, read from the tables whenever it is opened ({@link FormFiguresSource}, by the process's
 * business key), the company's headcount against the minimums of its type, the level it would be activated at
 * and the fee invoiced for its application; nothing is copied onto the process;
 * <li>complete: a signature ({@code contractSigned=true}) is checked against the headcount at that moment; when
 * the company falls short the completion is refused with 400 naming {@code contractSigned} and the shortfall,
 * and the task stays for the manager to sign once the company qualifies, or to record it as not signed.
 * </ul>
 * The application's type is read from its row by business key; the decision from the decision log.
 */
@Component("signingQualification")
class SigningQualification implements TaskListener, FormFiguresSource {

    static final String NO_OPEN_APPLICATION = "没有进行中的申请 No open application: nothing to sign";

    private final Onboarding onboarding;
    private final ApplicationRecords applications;
    private final DecisionLog decisions;
    private final Invoices invoices;

    SigningQualification(Onboarding onboarding, ApplicationRecords applications, DecisionLog decisions,
                         Invoices invoices) {
        this.onboarding = onboarding;
        this.applications = applications;
        this.decisions = decisions;
        this.invoices = invoices;
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

    /** The partner the task is about: its process's business key, which nobody can change. */
    @Override
    public Object referenceOf(DelegateTask task) {
        return ProcessVariables.of(task).partnerId();
    }

    @Override
    public Map<String, Object> figures(Object partnerId) {
        Map<String, Object> figures = new HashMap<>();
        figures.put(INVOICE_ID, null);
        figures.put(INVOICE_AMOUNT, null);
        figures.put(INVOICE_CURRENCY, null);
        applications.findOpen(partnerId.toString()).ifPresentOrElse(application -> {
            Qualification now = onboarding.qualificationAtSigning(partnerId.toString(), application.type());
            figures.putAll(TierVariables.of(now.headcount(), now.required()));
            figures.put(QUALIFIED, now.qualified());
            figures.put(LEVEL_AT_SIGNING, now.qualified() && now.level() != null ? now.level().name() : null);
            figures.put(QUALIFICATION_SUMMARY, now.summary());
            invoices.ofApplication(application.applicationId()).ifPresent(invoice -> {
                figures.put(INVOICE_ID, invoice.invoiceId());
                figures.put(INVOICE_AMOUNT, invoice.amount().toPlainString());
                figures.put(INVOICE_CURRENCY, invoice.currency());
            });
        }, () -> {
            // the application ended meanwhile: show nothing rather than the copies of the review
            figures.putAll(TierVariables.unknown());
            figures.put(QUALIFIED, false);
            figures.put(LEVEL_AT_SIGNING, null);
            figures.put(QUALIFICATION_SUMMARY, NO_OPEN_APPLICATION);
        });
        return figures;
    }
}
