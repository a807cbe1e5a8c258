package com.tencent.bk.partner.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Everything on {@code bk.partner.events} so far, read to its end offsets after each day, in order per key. */
final class OutboundLog implements AutoCloseable {

    static final String TOPIC = "bk.partner.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Published(String id, String key, String type, JsonNode data) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<Published>> byKey = new HashMap<>();
    private final List<Published> all = new ArrayList<>();
    private List<TopicPartition> partitions = List.of();

    OutboundLog(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // after each poll the consumer leaves a fetch in flight that the broker holds until data arrives or this
        // wait ends, and the next day's endOffsets waits behind it: 500 ms by default, 45 s of a short simulation
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        consumer = new KafkaConsumer<>(props);
    }

    /** Reads up to the current end of the topic. */
    void catchUp() {
        if (partitions.isEmpty()) {
            var infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            partitions = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    JsonNode event = JSON.readTree(record.value());
                    Published published = new Published(event.path("id").asText(),
                            new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
                            event.path("type").asText(), event.path("data"));
                    all.add(published);
                    byKey.computeIfAbsent(published.key(), key -> new ArrayList<>()).add(published);
                } catch (IOException e) {
                    all.add(new Published("not a CloudEvent at offset " + record.offset(), "", "", null));
                }
            }
        }
    }

    List<Published> all() {
        return all;
    }

    List<Published> of(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    Map<String, List<Published>> byKey() {
        return byKey;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
