package com.tencent.bk.partner.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The event contracts as the teams around the program get them ({@code contracts/schemas/} on the classpath), read
 * with a JSON Schema validator of their own, not with the service's code. {@link #violations} says what is wrong
 * with a record of {@code bk.partner.events}: its envelope, its data against its type's schema, and any data field
 * the schema does not describe (the schemas stay open for consumers, but what the service sends must be written
 * down).
 */
public final class EventContracts {

    public static final String LOCATION = "contracts/schemas/";
    public static final String OUTBOUND = "bk.partner.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static Map<String, Contract> contracts;

    /** A schema file with its JSON. */
    public record Contract(String name, JsonNode document, Schema schema) {
        public List<String> violations(JsonNode instance) {
            return schema.validate(instance).stream().map(error -> error.getInstanceLocation() + ": "
                    + error.getMessage() + " (" + error.getKeyword() + ")").toList();
        }
    }

    private EventContracts() {
    }

    /** Every schema file, by its path under {@code contracts/schemas/} ({@code bk.partner.events/bk.partner.approved.json}). */
    public static synchronized Map<String, Contract> all() {
        if (contracts == null) {
            Map<String, Contract> loaded = new LinkedHashMap<>();
            try {
                for (Resource file : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + LOCATION + "**/*.json")) {
                    String path = file.getURL().toString();
                    String name = path.substring(path.indexOf(LOCATION) + LOCATION.length());
                    try (InputStream in = file.getInputStream()) {
                        JsonNode document = JSON.readTree(in);
                        loaded.put(name, new Contract(name, document,
                                REGISTRY.getSchema(SchemaLocation.of("classpath:" + LOCATION + name), document)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            contracts = Map.copyOf(loaded);
        }
        return contracts;
    }

    public static Contract of(String topic, String type) {
        return all().get(topic + "/" + type + ".json");
    }

    /** What is wrong with an outbound record; empty when it keeps the contract. */
    public static List<String> violations(ConsumerRecord<byte[], byte[]> record) {
        List<String> problems = new ArrayList<>();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!"application/cloudevents+json".equals(KafkaTestClient.header(record, "content-type"))) {
            problems.add("content-type is " + KafkaTestClient.header(record, "content-type"));
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(record.value());
        } catch (IOException e) {
            return List.of("value is not JSON: " + e.getMessage());
        }
        all().get("cloudevent.json").violations(envelope).forEach(problem -> problems.add("envelope " + problem));
        if (!"/bk/partner-workflow".equals(envelope.path("source").asText())) {
            problems.add("source is " + envelope.path("source"));
        }
        if (key == null || !key.equals(envelope.path("subject").asText())
                || !key.equals(envelope.path("data").path("partnerId").asText())) {
            problems.add("key " + key + ", subject and data.partnerId differ");
        }
        String type = envelope.path("type").asText();
        Contract contract = of(OUTBOUND, type);
        if (contract == null) {
            problems.add("no schema for type " + type + " under " + LOCATION + OUTBOUND);
            return problems;
        }
        JsonNode data = envelope.path("data");
        contract.violations(data).forEach(problem -> problems.add("data" + problem));
        undescribed("data", data, contract.document(), contract.document(), problems);
        return problems;
    }

    /** Fields the schema's {@code properties} do not name, at every level that has them. */
    private static void undescribed(String where, JsonNode instance, JsonNode schema, JsonNode root,
                                    List<String> problems) {
        if (schema.has("$ref") && schema.path("$ref").asText().startsWith("#")) {
            schema = root.at(schema.path("$ref").asText().substring(1));
        }
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                undescribed(where + "[" + i + "]", instance.get(i), schema.path("items"), root, problems);
            }
        }
        if (!instance.isObject() || !schema.has("properties")) {
            return;
        }
        for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode property = schema.path("properties").path(name);
            if (property.isMissingNode()) {
                problems.add(where + "." + name + " is not described by the schema");
            } else {
                undescribed(where + "." + name, instance.path(name), property, root, problems);
            }
        }
    }
}
