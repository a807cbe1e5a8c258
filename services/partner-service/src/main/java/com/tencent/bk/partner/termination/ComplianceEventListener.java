package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.events.InboundEvents;
import com.tencent.bk.partner.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code bk.compliance.events}: a reported violation asks for immediate termination. */
@Component
class ComplianceEventListener {

    private final InboundEvents inbound;
    private final Terminations terminations;

    ComplianceEventListener(InboundEvents inbound, Terminations terminations) {
        this.inbound = inbound;
        this.terminations = terminations;
    }

    @KafkaListener(id = "compliance-events", idIsGroup = false, topics = Topics.COMPLIANCE)
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        inbound.process(record, ViolationReported::read, violation -> terminations.request(violation.partnerId(),
                Terminations.Cause.VIOLATION_REPORTED, violation.reason()));
    }
}
