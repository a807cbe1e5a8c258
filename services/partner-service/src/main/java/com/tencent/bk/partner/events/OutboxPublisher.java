package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in the order they committed ({@code commit_seq}, numbered at commit so
 * that a partner's events are numbered in the order their transactions became visible) and marks them published. Woken right after each commit
 * that added rows, and polling as a safety net (rows left by a crash or a broker outage). One publisher at a
 * time across instances, by a PostgreSQL advisory lock, so per-partner order holds. Delivery is at least
 * once: a crash between send and mark re-sends with the same CloudEvent id.
 */
@Component
class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final long PUBLISHER_LOCK = 0x6f7574626f78L; // "outbox"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    OutboxPublisher(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<byte[], byte[]> kafka,
                    OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
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
                            select id, topic, message_key, payload from program.outbox_event
                            where published_at is null order by commit_seq limit ?
                            """)
                    .param(properties.batchSize())
                    .query((rs, i) -> new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.sql("update program.outbox_event set published_at = now() where id = any(?)")
                    .param(rows.stream().map(PendingRow::id).toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
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

    private record PendingRow(long id, String topic, String key, String payload) {
    }
}
