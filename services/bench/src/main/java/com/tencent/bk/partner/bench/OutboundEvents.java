package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads {@code bk.partner.events} as billing or the website would, without joining a group. */
final class OutboundEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundEvents() {
    }

    /** The latest CloudEvent of this type for each of the partners; waits until every partner has one. */
    static Map<String, JsonNode> latest(String bootstrapServers, String type, Collection<String> partnerIds,
                                        Duration timeout) {
        Set<String> wanted = new HashSet<>(partnerIds);
        Map<String, JsonNode> found = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(CloudEvents.PARTNER_EVENTS, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < wanted.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + found.size() + " of " + wanted.size() + " " + type
                            + " events arrived on " + CloudEvents.PARTNER_EVENTS);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (key != null && wanted.contains(key)) {
                        JsonNode event = read(record.value());
                        if (type.equals(event.path("type").asText())) {
                            found.put(key, event);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
