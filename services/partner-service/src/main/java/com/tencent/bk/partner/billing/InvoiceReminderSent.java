package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.events.OutboundEvent;
import java.time.LocalDate;

/** {@code bk.partner.invoice-reminder}: an invoice is still unpaid shortly before it is due. */
public record InvoiceReminderSent(String partnerId, String invoiceId, String amount, String currency,
                                  LocalDate dueOn) implements OutboundEvent {
    @Override
    public String eventType() {
        return "bk.partner.invoice-reminder";
    }
}
