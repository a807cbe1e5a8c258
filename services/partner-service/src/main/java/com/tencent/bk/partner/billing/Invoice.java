package com.tencent.bk.partner.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record Invoice(String invoiceId, String partnerId, UUID applicationId, InvoicePurpose purpose,
                      BigDecimal amount, String currency, LocalDate dueOn, Status status) {

    public enum Status {
        OPEN, PAID, CANCELLED, REFUNDED
    }
}
