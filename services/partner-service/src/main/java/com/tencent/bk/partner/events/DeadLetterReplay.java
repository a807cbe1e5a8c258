package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts dead-lettered records back on their topic after the cause was fixed: each record unchanged (key, value,
 * its own headers), without the dead-letter headers, marked {@code bk-replayed-from}. Progress is committed
 * per dead-letter topic under its own consumer group, so a record is replayed once however often this runs;
 * the inbox keeps a record that was processed before from having a second effect.
 */
@Component
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    static final Set<String> REPLAYABLE = Set.of(Topics.CERTIFICATIONS, Topics.PAYMENTS, Topics.COMPLIANCE);
    static final String GROUP = "partner-service-dlt-replay";

    private final ConsumerFactory<byte[], byte[]> consumers;
    private final KafkaTemplate<byte[], byte[]> kafka;

    DeadLetterReplay(ConsumerFactory<byte[], byte[]> consumers, KafkaTemplate<byte[], byte[]> kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** @return how many records went back to {@code topic} */
    public synchronized int replay(String topic) {
        if (!REPLAYABLE.contains(topic)) {
            throw new IllegalArgumentException("not an inbound topic: " + topic);
        }
        String deadLetters = Topics.deadLetterOf(topic);
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer(GROUP, "replay")) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(deadLetters, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            List<CompletableFuture<?>> sends = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // arrived after this run started: the next run takes it
                    }
                    sends.add(kafka.send(restored(topic, record)));
                    progress.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            if (!progress.isEmpty()) {
                consumer.commitSync(progress);
            }
            log.info("Replayed {} record(s) from {} to {}", sends.size(), deadLetters, topic);
            return sends.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + deadLetters, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the replayed records of " + deadLetters, e);
        }
    }

    private static ProducerRecord<byte[], byte[]> restored(String topic, ConsumerRecord<byte[], byte[]> record) {
        ProducerRecord<byte[], byte[]> original = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(header.key())) {
                original.headers().add(header);
            }
        }
        original.headers().add("bk-replayed-from", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return original;
    }
}
