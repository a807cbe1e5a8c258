package com.tencent.bk.partner.events;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas (draft 2020-12) of the inbound events' {@code data}: the files of {@code contracts/schemas/<topic>/
 * <type>.json} that {@code contracts/asyncapi.yaml} names, the same the upstream teams are given. Each is read and
 * compiled once, at startup; an event is then checked against its type's schema before its reader parses it, so
 * the contract itself decides what is valid and the dead-letter reason names the violated rule. What no schema
 * can say (the check character of a partnerId, an expiry before the issue date) stays with the readers.
 */
@Component
class EventSchemas {

    private static final Logger log = LoggerFactory.getLogger(EventSchemas.class);
    static final String LOCATION = "contracts/schemas/";

    private final Map<String, Map<String, TypeSchema>> byTopic = new HashMap<>();

    EventSchemas(ObjectMapper objectMapper) {
        long started = System.nanoTime();
        // format is only an annotation in 2020-12 unless asserted: "2026-02-30" must not pass as a date
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        for (String topic : DeadLetterReplay.REPLAYABLE) {
            Map<String, TypeSchema> types = new HashMap<>();
            for (Resource file : schemaFiles(resources, topic)) {
                String type = file.getFilename().substring(0, file.getFilename().length() - ".json".length());
                types.put(type, load(registry, objectMapper, topic, file));
            }
            if (types.isEmpty()) {
                throw new IllegalStateException("No event schemas on the classpath under " + LOCATION + topic);
            }
            byTopic.put(topic, Map.copyOf(types));
        }
        log.info("Compiled the JSON Schemas of {} inbound event types in {} ms",
                byTopic.values().stream().mapToInt(Map::size).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * @throws InvalidEventException naming each violated rule by field; a type without a schema passes (its reader
     *                               refuses it as unknown)
     */
    void validate(String topic, CloudEvent event) {
        TypeSchema schema = byTopic.getOrDefault(topic, Map.of()).get(event.type());
        if (schema == null) {
            return;
        }
        List<com.networknt.schema.Error> errors = schema.schema().validate(event.data());
        if (!errors.isEmpty()) {
            throw new InvalidEventException(SchemaViolations.describe(errors, schema.document()));
        }
    }

    private static Resource[] schemaFiles(PathMatchingResourcePatternResolver resources, String topic) {
        try {
            return resources.getResources("classpath*:" + LOCATION + topic + "/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("Event schemas of " + topic + " could not be listed", e);
        }
    }

    private static TypeSchema load(SchemaRegistry registry, ObjectMapper objectMapper, String topic, Resource file) {
        try (InputStream in = file.getInputStream()) {
            JsonNode document = objectMapper.readTree(in);
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + LOCATION + topic + "/"
                    + file.getFilename()), document);
            schema.initializeValidators(); // compiled now, not on the first event
            return new TypeSchema(schema, document);
        } catch (IOException e) {
            throw new UncheckedIOException("Event schema " + file + " could not be read", e);
        }
    }

    /** @param document the schema's JSON, where a violated rule's title is looked up */
    private record TypeSchema(Schema schema, JsonNode document) {
    }
}
