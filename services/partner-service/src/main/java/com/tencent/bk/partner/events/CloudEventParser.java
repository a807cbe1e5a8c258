package com.tencent.bk.partner.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * Reads the CloudEvents 1.0 envelope of a Kafka record: binary mode when the record carries
 * {@code ce_specversion}, structured mode ({@code application/cloudevents+json}) otherwise. Values are
 * parsed as a JSON tree only, never bound to arbitrary types.
 */
@Component
class CloudEventParser {

    static final int MAX_VALUE_BYTES = 256 * 1024;
    private static final String SPEC_VERSION = "1.0";

    private final ObjectMapper objectMapper;

    CloudEventParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    CloudEvent parse(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            throw new InvalidEventException("record has no value");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new InvalidEventException("record value of " + value.length + " bytes exceeds the limit of "
                    + MAX_VALUE_BYTES);
        }
        return header(record, "ce_specversion") != null ? binary(record, value) : structured(record, value);
    }

    private CloudEvent structured(ConsumerRecord<byte[], byte[]> record, byte[] value) {
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.startsWith("application/cloudevents+json")
                && !contentType.startsWith("application/json")) {
            throw new InvalidEventException("content-type " + contentType
                    + " is neither application/cloudevents+json nor binary mode (ce_* headers)");
        }
        JsonNode envelope = readJson(value, "value");
        if (!envelope.isObject()) {
            throw new InvalidEventException("value is not a JSON object");
        }
        return envelope(text(envelope, "specversion"), text(envelope, "id"), text(envelope, "source"),
                text(envelope, "type"), text(envelope, "time"), text(envelope, "subject"), envelope.get("data"));
    }

    private CloudEvent binary(ConsumerRecord<byte[], byte[]> record, byte[] value) {
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.startsWith("application/json")) {
            throw new InvalidEventException("binary-mode data must be application/json, was " + contentType);
        }
        JsonNode data = readJson(value, "data");
        return envelope(header(record, "ce_specversion"), header(record, "ce_id"), header(record, "ce_source"),
                header(record, "ce_type"), header(record, "ce_time"), header(record, "ce_subject"), data);
    }

    private CloudEvent envelope(String specVersion, String id, String source, String type, String time,
                                String subject, JsonNode data) {
        List<String> problems = new ArrayList<>();
        if (!SPEC_VERSION.equals(specVersion)) {
            problems.add("specversion must be 1.0, was " + specVersion);
        }
        requireAttribute(problems, "id", id);
        requireAttribute(problems, "source", source);
        requireAttribute(problems, "type", type);
        OffsetDateTime parsedTime = null;
        if (time != null) {
            try {
                parsedTime = OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                problems.add("time must be an RFC 3339 timestamp, was " + time);
            }
        }
        if (data == null || !data.isObject()) {
            problems.add("data must be a JSON object");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return new CloudEvent(id, source, type, parsedTime, subject, data);
    }

    private static void requireAttribute(List<String> problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is missing");
        } else if (value.length() > 200) {
            problems.add(name + " is longer than 200 characters");
        }
    }

    private JsonNode readJson(byte[] bytes, String what) {
        String text = strictUtf8(bytes, what);
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException(what + " could not be read: " + e.getMessage());
        }
    }

    private static String strictUtf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(what + " is not UTF-8 text");
        }
    }

    private static String text(JsonNode envelope, String attribute) {
        JsonNode node = envelope.get(attribute);
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
