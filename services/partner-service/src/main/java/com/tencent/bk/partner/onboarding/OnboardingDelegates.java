package com.tencent.bk.partner.onboarding;

import static com.tencent.bk.partner.process.Variables.*;

import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.billing.BillingProperties;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.tiering.Qualification;
import com.tencent.bk.partner.tiering.TierVariables;
import java.time.LocalTime;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code partner-onboarding}, by the names the model calls them
 * ({@code ${checkQualification}} …). Each only translates process variables to one {@link Onboarding} call.
 */
@Configuration
class OnboardingDelegates {

    @Bean
    JavaDelegate checkQualification(Onboarding onboarding) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            Qualification result = onboarding.checkQualification(variables.partnerId(),
                    variables.oneOf(PARTNER_TYPE, PartnerType.class));
            TierVariables.set(execution, result.headcount(), result.required());
            execution.setVariable(QUALIFIED, result.qualified());
            execution.setVariable(PROPOSED_LEVEL, result.level() == null ? null : result.level().name());
            execution.setVariable(QUALIFICATION_SUMMARY, result.summary());
        };
    }

    @Bean
    JavaDelegate recordApproval(Onboarding onboarding) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            boolean feeRequired = onboarding.approve(variables.partnerId(), applicationId(execution),
                    variables.oneOf(PARTNER_TYPE, PartnerType.class), level(execution),
                    variables.optionalText(COMMENT));
            execution.setVariable(FEE_REQUIRED, feeRequired);
        };
    }

    @Bean
    JavaDelegate requestInvoice(Onboarding onboarding, BillingProperties billing, ProgramClock clock) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            Invoice invoice = onboarding.requestFee(variables.partnerId(), applicationId(execution),
                    variables.oneOf(PARTNER_TYPE, PartnerType.class), level(execution));
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
    JavaDelegate checkFeePaid(Onboarding onboarding) {
        return execution -> execution.setVariable(FEE_PAID, onboarding.feeAlreadyPaid(
                ProcessVariables.of(execution).partnerId(), ProcessVariables.of(execution).text(INVOICE_ID)));
    }

    @Bean
    JavaDelegate sendFeeReminder(Onboarding onboarding) {
        return execution -> onboarding.remindOfFee(ProcessVariables.of(execution).text(INVOICE_ID));
    }

    @Bean
    JavaDelegate cancelUnpaidApplication(Onboarding onboarding) {
        return execution -> onboarding.cancelUnpaid(ProcessVariables.of(execution).partnerId(),
                applicationId(execution), ProcessVariables.of(execution).text(INVOICE_ID));
    }

    @Bean
    JavaDelegate activatePartner(Onboarding onboarding) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            String contractId = onboarding.activate(variables.partnerId(), applicationId(execution),
                    variables.oneOf(PARTNER_TYPE, PartnerType.class), level(execution),
                    variables.optionalText(CONTRACT_ID)).contractId();
            execution.setVariable(CONTRACT_ID, contractId);
        };
    }

    @Bean
    JavaDelegate rejectApplication(Onboarding onboarding) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            onboarding.reject(variables.partnerId(), applicationId(execution), rejectionReason(execution));
        };
    }

    private static String rejectionReason(DelegateExecution execution) {
        if (Boolean.FALSE.equals(execution.getVariable(CONTRACT_SIGNED))) {
            return Onboarding.NOT_SIGNED;
        }
        String comment = ProcessVariables.of(execution).optionalText(COMMENT);
        return comment == null ? "申请未通过审核 Application not approved" : comment;
    }

    private static UUID applicationId(DelegateExecution execution) {
        return ProcessVariables.of(execution).uuid(APPLICATION_ID);
    }

    /** The level the qualification check proposed; null for types without levels. */
    private static PartnerLevel level(DelegateExecution execution) {
        String level = ProcessVariables.of(execution).optionalText(PROPOSED_LEVEL);
        return level == null ? null : PartnerLevel.valueOf(level);
    }
}
