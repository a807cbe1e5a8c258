package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.events.InboundEvents;
import com.tencent.bk.partner.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code bk.certification.events} into the certificate registry. */
@Component
class CertificationEventListener {

    private final InboundEvents inbound;
    private final CertificateRegistry certificates;
    private final CertificationEventReader reader = new CertificationEventReader();

    CertificationEventListener(InboundEvents inbound, CertificateRegistry certificates) {
        this.inbound = inbound;
        this.certificates = certificates;
    }

    @KafkaListener(id = "certification-events", topics = Topics.CERTIFICATIONS)
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        inbound.process(record, reader, certificates::apply);
    }
}
