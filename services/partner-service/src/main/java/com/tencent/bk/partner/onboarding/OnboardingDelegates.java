package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import com.tencent.bk.partner.billing.BillingProperties;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.billing.Invoices;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.onboarding.ApplicationRecords.OpenApplication;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.tiering.Qualification;
import com.tencent.bk.partner.tiering.TierVariables;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code partner-onboarding}, by the names the model calls them ({@code ${checkQualification}}
 * …). Each reads what it decides from the project's tables by the business key (the open application, its type
 * and proposed level, its invoice, the people's recorded decisions) and makes one {@link Onboarding} call. The
 * variables they set are for the forms to show, never read back.
 */
@Configuration
class OnboardingDelegates {

    @Bean
    JavaDelegate checkQualification(Onboarding onboarding, ApplicationRecords applications) {
        return execution -> {
            OpenApplication application = applications.openOf(partnerId(execution));
            Qualification result = onboarding.checkQualification(partnerId(execution), application.type());
            applications.recordProposedLevel(application.applicationId(), result.level());
            TierVariables.set(execution, result.headcount(), result.required());
            execution.setVariable(QUALIFIED, result.qualified());
            execution.setVariable(PROPOSED_LEVEL, result.level() == null ? null : result.level().name());
            execution.setVariable(QUALIFICATION_SUMMARY, result.summary());
        };
    }

    @Bean
    JavaDelegate recordApproval(Onboarding onboarding, ApplicationRecords applications, DecisionLog decisions) {
        return execution -> {
            OpenApplication application = applications.openOf(partnerId(execution));
            String comment = decisions.lastOfProcess(execution).map(DecisionLog.Recorded::comment).orElse(null);
            boolean feeRequired = onboarding.approve(partnerId(execution), application.applicationId(),
                    application.type(), application.proposedLevel(), comment);
            execution.setVariable(FEE_REQUIRED, feeRequired);
        };
    }

    @Bean
    JavaDelegate requestInvoice(Onboarding onboarding, ApplicationRecords applications, BillingProperties billing) {
        return execution -> {
            OpenApplication application = applications.openOf(partnerId(execution));
            Invoice invoice = onboarding.requestFee(partnerId(execution), application.applicationId(),
                    application.type(), application.proposedLevel());
            // timers fire at the start of the day (program time) after the due date / at the reminder date
            var dueAt = invoice.dueOn().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(ProgramClock.PROGRAM_ZONE);
            execution.setVariable(INVOICE_ID, invoice.invoiceId());
            execution.setVariable(INVOICE_AMOUNT, invoice.amount().toPlainString());
            execution.setVariable(INVOICE_CURRENCY, invoice.currency());
            execution.setVariable(INVOICE_DUE_ON, invoice.dueOn().toString());
            execution.setVariable(FEE_DUE_AT, dueAt.toInstant().toString());
            execution.setVariable(FEE_REMINDER_AT, dueAt.minus(billing.reminderBeforeDue()).toInstant().toString());
        };
    }

    @Bean
    JavaDelegate checkFeePaid(Onboarding onboarding, ApplicationRecords applications, Invoices invoices) {
        return execution -> execution.setVariable(FEE_PAID, onboarding.feeAlreadyPaid(partnerId(execution),
                invoiceOf(execution, applications, invoices)));
    }

    @Bean
    JavaDelegate sendFeeReminder(Onboarding onboarding, ApplicationRecords applications, Invoices invoices) {
        return execution -> onboarding.remindOfFee(invoiceOf(execution, applications, invoices));
    }

    @Bean
    JavaDelegate cancelUnpaidApplication(Onboarding onboarding, ApplicationRecords applications, Invoices invoices) {
        return execution -> onboarding.cancelUnpaid(partnerId(execution),
                applications.openOf(partnerId(execution)).applicationId(), invoiceOf(execution, applications, invoices));
    }

    @Bean
    JavaDelegate activatePartner(Onboarding onboarding, ApplicationRecords applications, DecisionLog decisions) {
        return execution -> {
            OpenApplication application = applications.openOf(partnerId(execution));
            String signedContractId = decisions.latest(execution, Bpmn.SIGN_CONTRACT).detail(CONTRACT_ID).orElse(null);
            String contractId = onboarding.activate(partnerId(execution), application.applicationId(),
                    application.type(), signedContractId).contractId();
            execution.setVariable(CONTRACT_ID, contractId);
        };
    }

    @Bean
    JavaDelegate rejectApplication(Onboarding onboarding, ApplicationRecords applications, DecisionLog decisions) {
        return execution -> onboarding.reject(partnerId(execution),
                applications.openOf(partnerId(execution)).applicationId(), rejectionReason(execution, decisions));
    }

    /** The reason of the decision that ended the application: a rejection's comment, or an unsigned contract. */
    private static String rejectionReason(DelegateExecution execution, DecisionLog decisions) {
        DecisionLog.Recorded last = decisions.lastOfProcess(execution)
                .orElseThrow(() -> new IllegalStateException("An application is rejected only by a decision"));
        String comment = last.comment() == null ? "申请未通过审核 Application not approved" : last.comment();
        return Bpmn.SIGN_CONTRACT.equals(last.taskKey()) ? Onboarding.NOT_SIGNED + ": " + comment : comment;
    }

    private static String invoiceOf(DelegateExecution execution, ApplicationRecords applications, Invoices invoices) {
        return invoices.ofApplication(applications.openOf(partnerId(execution)).applicationId())
                .map(Invoice::invoiceId)
                .orElseThrow(() -> new IllegalStateException("No invoice for the application of " + partnerId(execution)));
    }

    private static String partnerId(DelegateExecution execution) {
        return ProcessVariables.of(execution).partnerId();
    }
}
