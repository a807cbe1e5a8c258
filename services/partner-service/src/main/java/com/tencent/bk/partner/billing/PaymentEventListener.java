package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.events.InboundEvents;
import com.tencent.bk.partner.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code bk.payment.events} in batches: one transaction per poll for the inbox rows, the payments and
 * what they move in the processes ({@link Payments#applyAll}).
 */
@Component
class PaymentEventListener {

    private final InboundEvents inbound;
    private final Payments payments;
    private final PaymentEventReader reader = new PaymentEventReader();

    PaymentEventListener(InboundEvents inbound, Payments payments) {
        this.inbound = inbound;
        this.payments = payments;
    }

    @KafkaListener(id = "payment-events", idIsGroup = false, topics = Topics.PAYMENTS,
            containerFactory = "batchListenerContainerFactory")
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        inbound.processBatch(records, reader, payments::applyAll);
    }
}
