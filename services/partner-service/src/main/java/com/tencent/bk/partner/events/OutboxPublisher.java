package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in the order they committed ({@code commit_seq}, numbered at commit so
 * that a partner's events are numbered in the order their transactions became visible) and marks them published. Woken right after each commit
 * that added rows, and polling as a safety net (rows left by a crash or a broker outage). One publisher at a
 * time across instances, by a PostgreSQL advisory lock, so per-partner order holds.
 *
 * <p>Sending and marking are in two systems. A round first records, in a transaction of its own, that it is
 * sending its rows ({@code send_attempted_at}). A round that finds such rows still unmarked (the one before it
 * crashed, lost the database or timed out after sending) reads the end of the topic and marks the ones it finds
 * there instead of sending them again; the rest it sends. So a restart does not publish an event twice. The
 * CloudEvent id stays the consumers' way to recognise a repeat should one still happen (an acknowledgement the
 * broker sent after the producer had given up on it, or a publisher that lost its database connection while its
 * send was in flight).
 */
@Component
class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final long PUBLISHER_LOCK = 0x6f7574626f78L; // "outbox"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxTopicTail topicTail;
    private final TransactionTemplate ownTransaction;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    OutboxPublisher(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<byte[], byte[]> kafka,
                    OutboxProperties properties, OutboxTopicTail topicTail) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.topicTail = topicTail;
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && publishBatch() == properties.batchSize()) {
                    // a full batch: more rows are probably waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox publishing failed, retrying: {}", e.getMessage());
                pause();
            }
        }
    }

    /** @return how many rows were published */
    int publishBatch() {
        Integer published = transaction.execute(status -> {
            Boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(PUBLISHER_LOCK)
                    .query(Boolean.class).single();
            if (!leader) {
                return 0;
            }
            List<PendingRow> rows = jdbc.sql("""
                            select id, event_id::text, topic, message_key, payload, send_attempted_at is not null
                            from program.outbox_event
                            where published_at is null order by commit_seq limit ?
                            """)
                    .param(properties.batchSize())
                    .query((rs, i) -> new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<PendingRow> toSend = notOnTheTopicYet(rows);
            if (!toSend.isEmpty()) {
                markSendAttempted(toSend);
                send(toSend);
            }
            jdbc.sql("update program.outbox_event set published_at = now() where id = any(?)")
                    .param(ids(rows))
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /**
     * The rows to send: all of them, less those an earlier round sent without marking that are on the topic.
     * Such a round's records are at the end of their partitions, since no round sends before this check.
     */
    private List<PendingRow> notOnTheTopicYet(List<PendingRow> rows) {
        Map<String, Long> attemptedByTopic = rows.stream().filter(PendingRow::sendAttempted)
                .collect(Collectors.groupingBy(PendingRow::topic, Collectors.counting()));
        if (attemptedByTopic.isEmpty()) {
            return rows;
        }
        Set<String> onTopic = new HashSet<>();
        // the records sent since the oldest unmarked row are the pending rows' own, at most a batch or two of them
        attemptedByTopic.keySet().forEach(topic ->
                onTopic.addAll(topicTail.lastEventIds(topic, 2 * properties.batchSize())));
        List<PendingRow> toSend = rows.stream()
                .filter(row -> !(row.sendAttempted() && onTopic.contains(row.eventId()))).toList();
        log.info("Outbox: {} of {} event(s) an earlier round sent without marking were on the topic already",
                rows.size() - toSend.size(), attemptedByTopic.values().stream().mapToLong(Long::longValue).sum());
        return toSend;
    }

    private void markSendAttempted(List<PendingRow> rows) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update program.outbox_event set send_attempted_at = now()
                        where id = any(?) and send_attempted_at is null""")
                .param(ids(rows)).update());
    }

    private static Long[] ids(List<PendingRow> rows) {
        return rows.stream().map(PendingRow::id).toArray(Long[]::new);
    }

    private void send(List<PendingRow> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(row.topic(),
                    row.key().getBytes(StandardCharsets.UTF_8), row.payload().getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            sends.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge outbox events: " + e.getMessage(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingRow(long id, String eventId, String topic, String key, String payload,
                              boolean sendAttempted) {
    }
}
