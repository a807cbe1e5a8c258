package com.tencent.bk.partner.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A plain Kafka producer and consumer, as an upstream or downstream team would use them: sends CloudEvents
 * to the inbound topics and reads what the service published. Knows nothing of the service's code. Every record it
 * reads from {@code bk.partner.events}, for any test, is checked against the published contracts
 * ({@link EventContracts}): a violation fails the test that read it.
 */
public final class KafkaTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaTestClient shared;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrapServers;
    private final Map<String, TopicTail> tails = new ConcurrentHashMap<>();

    private KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
    }

    public static synchronized KafkaTestClient instance() {
        if (shared == null) {
            shared = new KafkaTestClient(TestInfrastructure.endpoints().bootstrapServers());
        }
        return shared;
    }

    /** The producer each inbound topic trusts (docs/contracts.md): anything else is dead-lettered. */
    public static String trustedSource(String topic) {
        return switch (topic) {
            case "bk.certification.events" -> "/bk/training-exam";
            case "bk.payment.events" -> "/bk/billing";
            case "bk.compliance.events" -> "/bk/compliance";
            default -> throw new IllegalArgumentException("not an inbound topic: " + topic);
        };
    }

    /** A CloudEvent in structured mode from the topic's trusted producer; returns its id. */
    public String publish(String topic, String key, String type, Map<String, ?> data) {
        String id = UUID.randomUUID().toString();
        publish(topic, key, envelope(id, trustedSource(topic), type, data));
        return id;
    }

    public void publish(String topic, String key, ObjectNode envelope) {
        send(new ProducerRecord<>(topic, bytes(key), bytes(envelope.toString())),
                Map.of("content-type", "application/cloudevents+json"));
    }

    /** A CloudEvent in binary mode from the topic's trusted producer: attributes in ce_* headers, data as the value. */
    public String publishBinary(String topic, String key, String type, Map<String, ?> data) {
        String id = UUID.randomUUID().toString();
        send(new ProducerRecord<>(topic, bytes(key), bytes(JSON.valueToTree(data).toString())), Map.of(
                "ce_specversion", "1.0", "ce_id", id, "ce_source", trustedSource(topic), "ce_type", type,
                "ce_time", Instant.now().toString(), "content-type", "application/json"));
        return id;
    }

    /** Anything at all, for poison records; returns where it landed. */
    public RecordMetadata publishRaw(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        return send(new ProducerRecord<>(topic, key, value), headers);
    }

    public static ObjectNode envelope(String id, String source, String type, Map<String, ?> data) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", source)
                .put("type", type)
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", JSON.valueToTree(data));
        return envelope;
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record, Map<String, String> headers) {
        headers.forEach((name, value) -> record.headers().add(name, bytes(value)));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** Waits for a record on {@code topic} matching the predicate and returns it. */
    public ConsumerRecord<byte[], byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> {
                    readAll(topic).stream().filter(matching).findFirst().ifPresent(found::add);
                    return !found.isEmpty();
                });
        return found.get(0);
    }

    /** Waits for the outbound CloudEvent of a partner with the given type; returns the envelope. */
    public JsonNode awaitPartnerEvent(String partnerId, String type) {
        return json(awaitRecord("bk.partner.events",
                record -> partnerId.equals(text(record.key())) && type.equals(json(record.value()).path("type").asText()))
                .value());
    }

    /** Every outbound event of a partner published so far, in order. */
    public List<JsonNode> partnerEvents(String partnerId) {
        return readAll("bk.partner.events").stream()
                .filter(record -> partnerId.equals(text(record.key())))
                .map(record -> json(record.value()))
                .toList();
    }

    /**
     * Every record of the topic so far, from the beginning. One consumer per topic stays assigned and reads on
     * from where it stopped, so a wait does not re-read the whole topic (it grows through the suite).
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return tails.computeIfAbsent(topic, TopicTail::new).readToEnd();
    }

    private final class TopicTail {

        private final String topic;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        private List<TopicPartition> assigned = List.of();

        TopicTail(String topic) {
            this.topic = topic;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            // after each poll the consumer leaves a fetch in flight that the broker holds until data arrives or
            // this wait ends, and the next readToEnd's endOffsets waits behind it (500 ms by default)
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
            this.consumer = new KafkaConsumer<>(props);
        }

        synchronized List<ConsumerRecord<byte[], byte[]>> readToEnd() {
            if (assigned.isEmpty()) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (partitions == null || partitions.isEmpty()) {
                    return List.of(); // not created yet
                }
                assigned = partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<String> violations = new ArrayList<>();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (EventContracts.OUTBOUND.equals(topic)) {
                        EventContracts.violations(record).forEach(violation -> violations.add(record.topic() + "-"
                                + record.partition() + "@" + record.offset() + ": " + violation));
                    }
                }
            }
            if (!violations.isEmpty()) {
                throw new AssertionError("Outbound events break their contract (contracts/schemas/"
                        + EventContracts.OUTBOUND + "):\n  " + String.join("\n  ", violations));
            }
            return List.copyOf(records);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
