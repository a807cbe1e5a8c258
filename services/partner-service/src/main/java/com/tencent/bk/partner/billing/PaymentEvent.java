package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.events.InboundEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The events of {@code bk.payment.events}; {@code eventId} is the CloudEvent id, kept for finance. */
sealed interface PaymentEvent extends InboundEvent {

    String eventId();

    String invoiceId();

    String partnerId();

    @Override
    default String recordKey() {
        return partnerId();
    }

    record PaymentReceived(String eventId, String invoiceId, String partnerId, BigDecimal amount, String currency,
                           OffsetDateTime paidAt) implements PaymentEvent {
    }

    record PaymentFailed(String eventId, String invoiceId, String partnerId, String reason) implements PaymentEvent {
    }

    record PaymentRefunded(String eventId, String invoiceId, String partnerId, BigDecimal amount, String reason)
            implements PaymentEvent {
    }
}
