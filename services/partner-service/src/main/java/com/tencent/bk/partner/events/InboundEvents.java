package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every inbound record takes: read the envelope, refuse a source the topic does not trust, check
 * the data against its type's JSON Schema ({@link EventSchemas}), read the typed event (anything invalid is
 * thrown as {@link InvalidEventException} and dead-lettered by the container's error handler), then apply
 * its effect in one database transaction together with the inbox row. The engine joins that transaction,
 * so the inbox row, registry changes, engine state and outbox rows commit or roll back together.
 */
@Component
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final CloudEventParser parser;
    private final TrustedSources trustedSources;
    private final EventSchemas schemas;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final EventMetrics metrics;

    InboundEvents(CloudEventParser parser, TrustedSources trustedSources, EventSchemas schemas, Inbox inbox,
                  TransactionTemplate transaction, EventMetrics metrics) {
        this.parser = parser;
        this.trustedSources = trustedSources;
        this.schemas = schemas;
        this.inbox = inbox;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /** One record, one transaction: for a listener that takes records one at a time (compliance events). */
    public <T extends InboundEvent> void process(ConsumerRecord<byte[], byte[]> record, EventReader<T> reader,
                                                 Consumer<T> effect) {
        CloudEvent envelope = envelope(record);
        T event = read(record, envelope, reader);
        apply(List.of(record), List.of(envelope), List.of(event), events -> events.forEach(effect));
    }

    /**
     * Many records, one transaction (certification and payment events): the effect receives the events seen for
     * the first time, in record order.
     * A record that cannot be understood ends the batch there: the records before it are committed, and it is
     * reported by index so the container's error handler dead-letters exactly it and goes on after it.
     */
    public <T extends InboundEvent> void processBatch(List<ConsumerRecord<byte[], byte[]>> records,
                                                      EventReader<T> reader, Consumer<List<T>> effect) {
        List<CloudEvent> envelopes = new ArrayList<>(records.size());
        List<T> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                CloudEvent envelope = envelope(records.get(i));
                events.add(read(records.get(i), envelope, reader));
                envelopes.add(envelope);
            } catch (InvalidEventException invalid) {
                applyIsolatingFailures(records.subList(0, i), envelopes, events, effect);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, records.get(i));
            }
        }
        applyIsolatingFailures(records, envelopes, events, effect);
    }

    /**
     * Applies the batch in one transaction. Should that fail for a reason retrying will not cure, the records
     * are applied one by one to find the one that fails, which alone is then reported for dead-lettering:
     * its good neighbours must not share its fate. Transient failures are left to the retry of the batch.
     */
    private <T extends InboundEvent> void applyIsolatingFailures(List<ConsumerRecord<byte[], byte[]>> records,
                                                                 List<CloudEvent> envelopes, List<T> events,
                                                                 Consumer<List<T>> effect) {
        if (events.isEmpty()) {
            return;
        }
        try {
            apply(records, envelopes, events, effect);
        } catch (RuntimeException failure) {
            if (events.size() == 1 || KafkaConfiguration.isTransient(failure)) {
                throw events.size() == 1 ? new BatchListenerFailedException(failure.getMessage(), failure,
                        records.get(0)) : failure;
            }
            for (int i = 0; i < events.size(); i++) {
                try {
                    apply(List.of(records.get(i)), List.of(envelopes.get(i)), List.of(events.get(i)), effect);
                } catch (RuntimeException single) {
                    throw new BatchListenerFailedException(single.getMessage(), single, records.get(i));
                }
            }
        }
    }

    /** @param records the records of the envelopes, index for index */
    private <T extends InboundEvent> void apply(List<ConsumerRecord<byte[], byte[]>> records,
                                                List<CloudEvent> envelopes, List<T> events, Consumer<List<T>> effect) {
        if (events.isEmpty()) {
            return;
        }
        String topic = records.get(0).topic();
        boolean[] first = transaction.execute(status -> {
            boolean[] firstDeliveries = inbox.recordFirstDeliveries(topic, envelopes);
            List<T> fresh = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (firstDeliveries[i]) {
                    fresh.add(events.get(i));
                } else {
                    log.debug("Skipped redelivered event {} from {}", envelopes.get(i).id(), envelopes.get(i).source());
                }
            }
            if (!fresh.isEmpty()) {
                effect.accept(fresh);
            }
            return firstDeliveries;
        });
        for (int i = 0; i < envelopes.size(); i++) {
            metrics.consumed(topic, envelopes.get(i).type(), first[i], records.get(i).timestamp());
        }
    }

    private CloudEvent envelope(ConsumerRecord<byte[], byte[]> record) {
        CloudEvent envelope = parser.parse(record);
        trustedSources.require(record.topic(), envelope);
        return envelope;
    }

    private <T extends InboundEvent> T read(ConsumerRecord<byte[], byte[]> record, CloudEvent envelope,
                                            EventReader<T> reader) {
        schemas.validate(record.topic(), envelope);
        T event = reader.read(envelope);
        requireKey(record, event);
        return event;
    }

    private static void requireKey(ConsumerRecord<byte[], byte[]> record, InboundEvent event) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!event.recordKey().equals(key)) {
            throw new InvalidEventException("record key must be the partnerId " + event.recordKey() + ", was "
                    + (key == null ? "null" : key));
        }
    }
}
