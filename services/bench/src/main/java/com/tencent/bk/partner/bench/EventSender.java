package com.tencent.bk.partner.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A plain Kafka producer, as the upstream systems use one (acks=all, idempotent, so per-key order holds).
 * Each record carries its send time as its timestamp: latency is measured from there.
 */
public final class EventSender implements AutoCloseable {

    private static final byte[] CONTENT_TYPE = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventSender(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Sends the events in order: all at once ({@code perSecond <= 0}) or open-loop at a constant rate.
     *
     * @return each record's timestamp (epoch ms), by index
     */
    public long[] send(List<PlannedEvent> events, double perSecond) {
        sent.set(0);
        long[] timestamps = new long[events.size()];
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    Sleep.millis(Math.max(1, wait / 1_000_000));
                }
            }
            PlannedEvent event = events.get(i);
            long now = System.currentTimeMillis();
            timestamps[i] = now;
            RecordHeaders headers = new RecordHeaders();
            headers.add(new RecordHeader("content-type", CONTENT_TYPE));
            producer.send(new ProducerRecord<>(event.topic(), null, now, event.key().getBytes(StandardCharsets.UTF_8),
                    event.value(), headers), (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    });
            sent.incrementAndGet();
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a record: " + failure.get().getMessage(), failure.get());
        }
        return timestamps;
    }

    /** Records handed to the producer in the current {@link #send}. */
    int sentSoFar() {
        return sent.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
