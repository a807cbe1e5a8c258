package com.tencent.bk.partner.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The CloudEvent ids at the end of an outbound topic: what an earlier publishing round got onto the topic before
 * it could mark its rows published. Read without a consumer group (assigned partitions, nothing committed).
 */
@Component
class OutboxTopicTail {

    private static final Duration READ_AT_MOST = Duration.ofSeconds(30);

    private final ConsumerFactory<byte[], byte[]> consumers;
    private final ObjectMapper json;

    OutboxTopicTail(ConsumerFactory<byte[], byte[]> consumers, ObjectMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    /** The ids of the last {@code perPartition} records of each partition of {@code topic}. */
    Set<String> lastEventIds(String topic, int perPartition) {
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer(null, "outbox-tail")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - perPartition));
            }
            Set<String> ids = new HashSet<>();
            Instant giveUp = Instant.now().plus(READ_AT_MOST);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("could not read the end of " + topic + " within " + READ_AT_MOST);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    idOf(record.value()).ifPresent(ids::add);
                }
            }
            return ids;
        }
    }

    private Optional<String> idOf(byte[] value) {
        try {
            String id = value == null ? "" : json.readTree(value).path("id").asText();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            return Optional.empty(); // not one of ours
        }
    }
}
