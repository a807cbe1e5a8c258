package com.tencent.bk.partner.billing;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** An invoice paid: marked so, and {@link FeePaid} announced to the processes waiting for it. */
@Component
class FeeSettlement {

    private final Invoices invoices;
    private final ApplicationEventPublisher events;

    FeeSettlement(Invoices invoices, ApplicationEventPublisher events) {
        this.invoices = invoices;
        this.events = events;
    }

    void settle(Invoice invoice, Instant paidAt) {
        invoices.markPaid(invoice.invoiceId(), paidAt);
        events.publishEvent(new FeePaid(invoice.invoiceId(), invoice.partnerId(), invoice.applicationId(),
                invoice.purpose()));
    }
}
