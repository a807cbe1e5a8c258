package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every inbound record takes: read the envelope, read the typed event (anything invalid is
 * thrown as {@link InvalidEventException} and dead-lettered by the container's error handler), then apply
 * its effect in one database transaction together with the inbox row. The engine joins that transaction,
 * so the inbox row, registry changes, engine state and outbox rows commit or roll back together.
 */
@Component
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final CloudEventParser parser;
    private final Inbox inbox;
    private final TransactionTemplate transaction;

    InboundEvents(CloudEventParser parser, Inbox inbox, TransactionTemplate transaction) {
        this.parser = parser;
        this.inbox = inbox;
        this.transaction = transaction;
    }

    public <T extends InboundEvent> void process(ConsumerRecord<byte[], byte[]> record, EventReader<T> reader,
                                                 Consumer<T> effect) {
        CloudEvent envelope = parser.parse(record);
        T event = reader.read(envelope);
        requireKey(record, event);
        boolean applied = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!inbox.recordFirstDelivery(record.topic(), envelope)) {
                return false;
            }
            effect.accept(event);
            return true;
        }));
        if (applied) {
            log.debug("Applied {} {} from {}", envelope.type(), envelope.id(), envelope.source());
        } else {
            log.info("Skipped redelivered event {} from {} ({}@{})", envelope.id(), envelope.source(),
                    record.partition(), record.offset());
        }
    }

    private static void requireKey(ConsumerRecord<byte[], byte[]> record, InboundEvent event) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!event.recordKey().equals(key)) {
            throw new InvalidEventException("record key must be the partnerId " + event.recordKey() + ", was "
                    + (key == null ? "null" : key));
        }
    }
}
