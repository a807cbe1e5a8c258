package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The envelope rules, record by record, without a broker. */
class CloudEventParserTest {

    private final CloudEventParser parser = new CloudEventParser(new ObjectMapper());

    @Test
    void structuredModeIsRead() {
        CloudEvent event = parser.parse(record("""
                {"specversion":"1.0","id":"e1","source":"/bk/billing","type":"bk.payment.failed",
                 "time":"2026-11-24T08:00:00Z","data":{"invoiceId":"I"}}"""));

        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.source()).isEqualTo("/bk/billing");
        assertThat(event.data().path("invoiceId").asText()).isEqualTo("I");
    }

    @Test
    void binaryModeIsRead() {
        ConsumerRecord<byte[], byte[]> record = record("{\"invoiceId\":\"I\"}");
        record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        record.headers().add(new RecordHeader("ce_id", bytes("e2")));
        record.headers().add(new RecordHeader("ce_source", bytes("/bk/billing")));
        record.headers().add(new RecordHeader("ce_type", bytes("bk.payment.failed")));

        CloudEvent event = parser.parse(record);

        assertThat(event.id()).isEqualTo("e2");
        assertThat(event.type()).isEqualTo("bk.payment.failed");
    }

    @Test
    void everyMissingAttributeIsNamed() {
        assertThatThrownBy(() -> parser.parse(record("{\"specversion\":\"1.0\",\"time\":\"noon\",\"data\":[]}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("id is missing")
                .hasMessageContaining("source is missing")
                .hasMessageContaining("type is missing")
                .hasMessageContaining("time must be an RFC 3339 timestamp")
                .hasMessageContaining("data must be a JSON object");
    }

    @Test
    void truncatedJsonEmptyAndOversizedValuesAreInvalid() {
        assertThatThrownBy(() -> parser.parse(record("{\"specversion\":\"1.0\",\"id\":"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse(record(""))).hasMessageContaining("no value");
        assertThatThrownBy(() -> parser.parse(record("\"" + "x".repeat(CloudEventParser.MAX_VALUE_BYTES) + "\"")))
                .hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> parser.parse(record("[1,2]"))).hasMessageContaining("not a JSON object");
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("t", 0, 0, bytes("k"), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
