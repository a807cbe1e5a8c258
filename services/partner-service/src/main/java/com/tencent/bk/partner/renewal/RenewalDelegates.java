package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.billing.BillingProperties;
import com.tencent.bk.partner.billing.Fee;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.tiering.TierVariables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code partner-renewal}, each translating to one {@link Renewals} call. What they decide
 * from is read from the tables by the business key and the renewal's process instance (the partner's current
 * headcount and level, the renewal's row and invoice, the recorded decisions); the variables they set are copies
 * for the forms and the gateways that follow them.
 */
@Configuration
class RenewalDelegates {

    static final String ANNOUNCED = "nonRenewalAnnounced";
    /** The contract being renewed; {@code contractId} is what the manager enters when signing. */
    static final String CURRENT_CONTRACT = "currentContractId";
    static final String FEE_REMINDER_AT = "renewalFeeReminderAt";

    /** At the renewal check, and again whenever {@code PartnerQualified} arrives. */
    @Bean
    JavaDelegate checkRenewalQualification(Renewals renewals) {
        return execution -> {
            // the assessment locks the partner's row first (see Renewals.assess): no qualification is lost
            // between this check and the subscription to PartnerQualified that follows it in this transaction
            assess(execution, renewals);
            renewals.open(execution.getProcessInstanceId(), partnerId(execution));
        };
    }

    /** After the manager approved: the partner must still qualify, with today's numbers. */
    @Bean
    JavaDelegate confirmRenewalQualification(Renewals renewals) {
        return execution -> assess(execution, renewals);
    }

    @Bean
    JavaDelegate announceNonRenewal(Renewals renewals, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            Optional<DecisionLog.Recorded> notSigned = decisions.lastOfProcess(execution)
                    .filter(decision -> Bpmn.SIGN_RENEWAL.equals(decision.taskKey()) && !decision.isYes());
            String reason = Boolean.FALSE.equals(execution.getVariable("renewable"))
                    ? variables.text("renewalAssessment") : Renewals.DECLINED;
            renewals.announceNonRenewal(execution.getProcessInstanceId(), partnerId(execution),
                    variables.text(CURRENT_CONTRACT), partnershipEndsOn(execution), reason,
                    notSigned.map(DecisionLog.Recorded::decidedBy).orElse(null),
                    notSigned.map(DecisionLog.Recorded::comment).orElse(null));
            execution.setVariable(ANNOUNCED, true);
        };
    }

    @Bean
    JavaDelegate expirePartnership(Renewals renewals) {
        return execution -> renewals.expire(partnerId(execution), execution.getProcessInstanceId(),
                ProcessVariables.of(execution).text(CURRENT_CONTRACT), partnershipEndsOn(execution),
                Boolean.TRUE.equals(execution.getVariable(ANNOUNCED)));
    }

    @Bean
    JavaDelegate assessRenewalFee(Renewals renewals) {
        return execution -> execution.setVariable("renewalFeeRequired", fee(execution, renewals).isPresent());
    }

    @Bean
    JavaDelegate requestRenewalInvoice(Renewals renewals, BillingProperties billing, ProgramClock clock) {
        return execution -> {
            Fee fee = fee(execution, renewals).orElseThrow();
            Invoice invoice = renewals.requestFee(execution.getProcessInstanceId(), partnerId(execution), fee,
                    partnershipEndsOn(execution));
            execution.setVariable("invoiceId", invoice.invoiceId());
            execution.setVariable("invoiceAmount", invoice.amount().toPlainString());
            execution.setVariable("invoiceCurrency", invoice.currency());
            execution.setVariable("invoiceDueOn", invoice.dueOn().toString());
            // like onboarding: reminded at the start of the day the reminder period before the due date ends; a
            // due date already within that period is reminded at once
            Instant remindAt = invoice.dueOn().plusDays(1).atTime(LocalTime.MIDNIGHT)
                    .atZone(ProgramClock.PROGRAM_ZONE).minus(billing.reminderBeforeDue()).toInstant();
            execution.setVariable(FEE_REMINDER_AT, (remindAt.isBefore(clock.now()) ? clock.now() : remindAt)
                    .toString());
        };
    }

    @Bean
    JavaDelegate sendRenewalFeeReminder(Renewals renewals) {
        return execution -> renewals.remindOfFee(execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate checkRenewalFeePaid(Renewals renewals) {
        return execution -> execution.setVariable("feePaid", renewals.feeAlreadyPaid(execution.getProcessInstanceId()));
    }

    @Bean
    JavaDelegate renewContract(Renewals renewals, DecisionLog decisions) {
        return execution -> renewals.renew(execution.getProcessInstanceId(), partnerId(execution),
                signedContractId(execution, decisions));
    }

    private static void assess(DelegateExecution execution, Renewals renewals) {
        RenewalAssessment assessment = renewals.assess(partnerId(execution));
        execution.setVariable("renewable", assessment.renewable());
        execution.setVariable("renewalAssessment", assessment.explanation());
        execution.setVariable("renewalLevel", assessment.level() == null ? null : assessment.level().name());
        TierVariables.set(execution, assessment.evaluation().headcount(), assessment.evaluation().required());
    }

    /** The fee for the level the partner qualifies for now (the manager just approved the renewal). */
    private static Optional<Fee> fee(DelegateExecution execution, Renewals renewals) {
        return renewals.feeFor(partnerId(execution), renewals.assess(partnerId(execution)).level());
    }

    /**
     * The id the manager entered when signing (the form starts with the current contract's id), as recorded
     * with the decision; null when left blank or unchanged, so that one is generated.
     */
    private static String signedContractId(DelegateExecution execution, DecisionLog decisions) {
        return decisions.latest(execution, Bpmn.SIGN_RENEWAL).detail("contractId")
                .filter(id -> !id.equals(ProcessVariables.of(execution).text(CURRENT_CONTRACT)))
                .orElse(null);
    }

    /**
     * The last day of the partnership if it is not renewed: the day {@code contractEndsAt} falls in, or the day
     * before when it is midnight — the deadline every not-renewed path ends at: the start of the day after the
     * contract's end, or whenever an operator moved it to.
     */
    private static LocalDate partnershipEndsOn(DelegateExecution execution) {
        Instant endsAt = Instant.parse(ProcessVariables.of(execution).text("contractEndsAt"));
        return LocalDate.ofInstant(endsAt.minusNanos(1), ProgramClock.PROGRAM_ZONE);
    }

    private static String partnerId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
