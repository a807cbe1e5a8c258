package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.events.OutboundEvent;
import java.time.LocalDate;

/** {@code bk.partner.invoice-requested}: billing is asked to invoice the partner. */
public record InvoiceRequested(String partnerId, String invoiceId, InvoicePurpose purpose, String amount,
                               String currency, LocalDate dueOn) implements OutboundEvent {
    @Override
    public String eventType() {
        return "bk.partner.invoice-requested";
    }
}
