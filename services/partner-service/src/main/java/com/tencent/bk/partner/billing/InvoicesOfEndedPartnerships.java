package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.termination.PartnershipTerminated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A terminated partnership owes nothing more: its open invoices are withdrawn in the termination's
 * transaction, so a payment that still arrives for one is kept for {@code finance} instead of reviving the
 * onboarding or renewal it was for.
 */
@Component
class InvoicesOfEndedPartnerships {

    private final Invoices invoices;

    InvoicesOfEndedPartnerships(Invoices invoices) {
        this.invoices = invoices;
    }

    @EventListener
    void onTerminated(PartnershipTerminated terminated) {
        invoices.cancelOpenOf(terminated.partnerId());
    }
}
