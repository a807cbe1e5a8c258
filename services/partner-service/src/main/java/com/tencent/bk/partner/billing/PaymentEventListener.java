package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.events.InboundEvents;
import com.tencent.bk.partner.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code bk.payment.events}. */
@Component
class PaymentEventListener {

    private final InboundEvents inbound;
    private final Payments payments;
    private final PaymentEventReader reader = new PaymentEventReader();

    PaymentEventListener(InboundEvents inbound, Payments payments) {
        this.inbound = inbound;
        this.payments = payments;
    }

    @KafkaListener(id = "payment-events", idIsGroup = false, topics = Topics.PAYMENTS)
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        inbound.process(record, reader, payments::apply);
    }
}
