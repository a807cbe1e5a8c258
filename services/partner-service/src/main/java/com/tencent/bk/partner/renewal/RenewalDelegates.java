package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.billing.Fee;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.tiering.TierVariables;
import com.tencent.bk.partner.common.ProgramClock;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code partner-renewal}, each translating variables to one {@link Renewals} call. */
@Configuration
class RenewalDelegates {

    static final String ANNOUNCED = "nonRenewalAnnounced";
    /** The contract being renewed; {@code contractId} is what the manager enters when signing. */
    static final String CURRENT_CONTRACT = "currentContractId";

    @Bean
    JavaDelegate checkRenewalQualification(Renewals renewals) {
        return execution -> {
            RenewalAssessment assessment = renewals.assess(ProcessVariables.of(execution).partnerId());
            execution.setVariable("renewable", assessment.renewable());
            execution.setVariable("renewalAssessment", assessment.explanation());
            execution.setVariable("renewalLevel", assessment.level() == null ? null : assessment.level().name());
            TierVariables.set(execution, assessment.evaluation().headcount(), assessment.evaluation().required());
        };
    }

    @Bean
    JavaDelegate announceNonRenewal(Renewals renewals) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            String reason = Boolean.FALSE.equals(execution.getVariable("renewable"))
                    ? variables.text("renewalAssessment") : Renewals.DECLINED;
            renewals.announceNonRenewal(variables.partnerId(), variables.text(CURRENT_CONTRACT),
                    partnershipEndsOn(execution), reason);
            execution.setVariable(ANNOUNCED, true);
        };
    }

    @Bean
    JavaDelegate expirePartnership(Renewals renewals) {
        return execution -> renewals.expire(ProcessVariables.of(execution).partnerId(),
                execution.getProcessInstanceId(), ProcessVariables.of(execution).text(CURRENT_CONTRACT),
                partnershipEndsOn(execution), Boolean.TRUE.equals(execution.getVariable(ANNOUNCED)));
    }

    @Bean
    JavaDelegate assessRenewalFee(Renewals renewals) {
        return execution -> execution.setVariable("renewalFeeRequired",
                renewals.feeFor(ProcessVariables.of(execution).partnerId(), level(execution)).isPresent());
    }

    @Bean
    JavaDelegate requestRenewalInvoice(Renewals renewals) {
        return execution -> {
            String partnerId = ProcessVariables.of(execution).partnerId();
            Fee fee = renewals.feeFor(partnerId, level(execution)).orElseThrow();
            Invoice invoice = renewals.requestFee(partnerId, fee);
            execution.setVariable("invoiceId", invoice.invoiceId());
            execution.setVariable("invoiceAmount", invoice.amount().toPlainString());
            execution.setVariable("invoiceCurrency", invoice.currency());
            execution.setVariable("invoiceDueOn", invoice.dueOn().toString());
        };
    }

    @Bean
    JavaDelegate checkRenewalFeePaid(Renewals renewals) {
        return execution -> execution.setVariable("feePaid",
                renewals.feeAlreadyPaid(ProcessVariables.of(execution).text("invoiceId")));
    }

    @Bean
    JavaDelegate renewContract(Renewals renewals, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            renewals.renew(variables.partnerId(), level(execution), endsOn(execution),
                    signedContractId(execution, decisions));
        };
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

    private static LocalDate endsOn(DelegateExecution execution) {
        return LocalDate.parse(ProcessVariables.of(execution).text("contractEndsOn"));
    }

    private static PartnerLevel level(DelegateExecution execution) {
        String level = ProcessVariables.of(execution).optionalText("renewalLevel");
        return level == null ? null : PartnerLevel.valueOf(level);
    }
}
