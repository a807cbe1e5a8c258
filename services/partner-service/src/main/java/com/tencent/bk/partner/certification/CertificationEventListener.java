package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.events.InboundEvents;
import com.tencent.bk.partner.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code bk.certification.events}, the highest-volume input, in batches: one transaction per poll
 * for the inbox rows, the certificate changes and the re-evaluation of the partners they touched.
 */
@Component
class CertificationEventListener {

    private final InboundEvents inbound;
    private final Certifications certifications;
    private final CertificationEventReader reader = new CertificationEventReader();

    CertificationEventListener(InboundEvents inbound, Certifications certifications) {
        this.inbound = inbound;
        this.certifications = certifications;
    }

    @KafkaListener(id = "certification-events", idIsGroup = false, topics = Topics.CERTIFICATIONS,
            containerFactory = "batchListenerContainerFactory")
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        inbound.processBatch(records, reader, certifications::apply);
    }
}
