package com.tencent.bk.partner.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: an outbound event is stored in the transaction of the state change that
 * caused it, and {@link OutboxPublisher} sends it to Kafka only after that transaction committed.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final ProgramClock clock;
    private final EventsProperties properties;
    private final OutboxPublisher publisher;

    Outbox(JdbcClient jdbc, ObjectMapper objectMapper, ProgramClock clock, EventsProperties properties,
           OutboxPublisher publisher) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.properties = properties;
        this.publisher = publisher;
    }

    /** Must run inside the transaction of the change; refuses to run outside one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(OutboundEvent event) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.now();
        jdbc.sql("""
                        insert into program.outbox_event (event_id, topic, message_key, type, payload, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(eventId, Topics.PARTNER_EVENTS, event.partnerId(), event.eventType(),
                        envelope(eventId, now, event), Timestamp.from(now))
                .update();
        wakePublisherAfterCommit();
    }

    private String envelope(UUID eventId, Instant time, OutboundEvent event) {
        ObjectNode envelope = objectMapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId.toString())
                .put("source", properties.source())
                .put("type", event.eventType())
                .put("time", time.toString())
                .put("subject", event.partnerId())
                .put("datacontenttype", "application/json");
        envelope.set("data", objectMapper.valueToTree(event));
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbound event could not be serialized: " + event.eventType(), e);
        }
    }

    private void wakePublisherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publisher.wakeUp();
                }
            });
        }
    }
}
