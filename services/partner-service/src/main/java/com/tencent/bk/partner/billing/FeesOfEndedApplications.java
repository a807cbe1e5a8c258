package com.tencent.bk.partner.billing;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Money always has an owner, also when an application ends without a partnership (not signed, rejected,
 * cancelled, or the applicant terminated) after its fee was paid: the fee stays PAID at billing, and the payment
 * that paid it is recorded as to be returned on finance's list ({@code program.payment_case}, outcome
 * {@code TO_BE_RETURNED}, reason {@code APPLICATION_ENDED}). Runs in the caller's transaction.
 */
@Component
public class FeesOfEndedApplications {

    private final Invoices invoices;
    private final PaymentCases cases;

    FeesOfEndedApplications(Invoices invoices, PaymentCases cases) {
        this.invoices = invoices;
        this.cases = cases;
    }

    /**
     * @param caseKey the onboarding process instance that ended the application (the recorded case's key)
     * @param reason  why the application ended, kept as the case's comment
     * @return the payments recorded as to be returned (none when the fee was not paid)
     */
    public List<Long> applicationEnded(UUID applicationId, String caseKey, String reason) {
        return invoices.ofApplication(applicationId)
                .flatMap(invoice -> invoices.lock(invoice.invoiceId()))
                .map(invoice -> cases.recordFeeOfEndedApplication(invoice, caseKey, reason))
                .orElse(List.of());
    }
}
