package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.billing.PaymentEvent.PaymentFailed;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentReceived;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentRefunded;
import com.tencent.bk.partner.events.CloudEvent;
import com.tencent.bk.partner.events.EventFields;
import com.tencent.bk.partner.events.EventReader;
import java.util.Set;

/** Reads the typed event of a {@code bk.payment.events} record, naming every bad field. */
class PaymentEventReader implements EventReader<PaymentEvent> {

    static final String RECEIVED = "bk.payment.received";
    static final String FAILED = "bk.payment.failed";
    static final String REFUNDED = "bk.payment.refunded";
    private static final Set<String> TYPES = Set.of(RECEIVED, FAILED, REFUNDED);

    @Override
    public PaymentEvent read(CloudEvent event) {
        EventFields fields = new EventFields(event);
        PaymentEvent typed = switch (event.type()) {
            case RECEIVED -> new PaymentReceived(event.id(), fields.identifier("invoiceId", 64), fields.partnerId("partnerId"),
                    fields.amount("amount"), fields.currency("currency"), fields.instant("paidAt"));
            case FAILED -> new PaymentFailed(event.id(), fields.identifier("invoiceId", 64), fields.partnerId("partnerId"),
                    fields.text("reason"));
            case REFUNDED -> new PaymentRefunded(event.id(), fields.identifier("invoiceId", 64), fields.partnerId("partnerId"),
                    fields.amount("amount"), fields.text("reason"));
            default -> throw EventFields.unknownType(event, TYPES);
        };
        fields.validate();
        return typed;
    }
}
