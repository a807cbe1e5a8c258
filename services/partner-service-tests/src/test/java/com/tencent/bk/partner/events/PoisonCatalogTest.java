package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * More than thirty kinds of bad record, each followed by a good one for the same partner: every bad record
 * lands unchanged in its dead-letter topic with a readable reason and origin (no stack trace), every good one
 * is applied, and the good ones of a partner are applied in the order they were sent.
 */
class PoisonCatalogTest extends ServiceIntegrationTest {

    record Poison(String name, byte[] key, byte[] value, Map<String, String> headers, String reason) {
    }

    @Test
    void everyBadRecordIsDeadLetteredUnchangedWithItsReasonAndTheGoodOnesAreAppliedInOrder() {
        String partnerId = Companies.newPartnerId();
        List<Poison> catalog = certificationPoisons(partnerId);
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(30);

        List<String> goodEvents = new ArrayList<>();
        Map<Poison, RecordMetadata> producedAt = new IdentityHashMap<>();
        for (Poison poison : catalog) {
            producedAt.put(poison, kafka.publishRaw(CERTIFICATIONS, poison.key(), poison.value(), poison.headers()));
            goodEvents.add(kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                    Companies.granted(partnerId, "E-" + goodEvents.size(), "DEVELOPMENT", null, null)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(goodEvents).size() == goodEvents.size());
        assertThat(applied(goodEvents)).as("applied in the order sent").containsExactlyElementsOf(goodEvents);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetters.clear();
            deadLetters.addAll(kafka.readAll(CERTIFICATIONS + ".DLT"));
            return catalog.stream().allMatch(poison -> find(deadLetters, poison) != null);
        });
        for (Poison poison : catalog) {
            ConsumerRecord<byte[], byte[]> dead = find(deadLetters, poison);
            assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).as(poison.name()).contains(poison.reason());
            ReadableDeadLetters.assertReadableWithoutStackTrace(dead, producedAt.get(poison), poison.key(),
                    poison.value());
        }
    }

    @Test
    void badPaymentsAndViolationReportsAreDeadLetteredOnTheirOwnTopics() {
        String partnerId = Companies.newPartnerId();
        Map<String, Function<Map<String, Object>, Map<String, Object>>> payments = new LinkedHashMap<>();
        payments.put("data.amount must be a positive decimal", data -> with(data, "amount", "-1.00"));
        payments.put("data.amount must be a string (a positive decimal", data -> with(data, "amount", 12.5));
        payments.put("data.currency must be an ISO 4217 code", data -> with(data, "currency", "yuan"));
        payments.put("data.paidAt must be an RFC 3339 timestamp", data -> with(data, "paidAt", "yesterday"));
        payments.put("data.invoiceId is longer than 64", data -> with(data, "invoiceId", "I".repeat(65)));
        List<String> ids = new ArrayList<>();
        for (var poison : payments.entrySet()) {
            ids.add(kafka.publish(PAYMENTS, partnerId, "bk.payment.received", poison.getValue().apply(payment(partnerId))));
        }
        String good = kafka.publish(PAYMENTS, partnerId, "bk.payment.failed",
                Map.of("invoiceId", "INV-1", "partnerId", partnerId, "reason", "declined"));
        String violation = kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported",
                Map.of("caseId", "C-1", "partnerId", partnerId, "category", "COMPETING_PRODUCT"));

        int i = 0;
        for (String reason : payments.keySet()) {
            String id = ids.get(i++);
            assertThat(KafkaTestClient.header(kafka.awaitRecord(PAYMENTS + ".DLT", record -> id.equals(
                    KafkaTestClient.json(record.value()).path("id").asText())), "bk-dlt-reason")).contains(reason);
        }
        assertThat(KafkaTestClient.header(kafka.awaitRecord("bk.compliance.events.DLT", record -> violation.equals(
                KafkaTestClient.json(record.value()).path("id").asText())), "bk-dlt-reason"))
                .contains("data.description is missing");
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(List.of(good)).size() == 1);
    }

    private List<Poison> certificationPoisons(String partnerId) {
        byte[] key = bytes(partnerId);
        Map<String, String> structured = Map.of("content-type", "application/cloudevents+json");
        String otherPartner = Companies.newPartnerId();
        String wrongCheck = partnerId.substring(0, 17) + (partnerId.endsWith("0") ? "1" : "0");
        List<Poison> catalog = new ArrayList<>();
        catalog.add(new Poison("plain text", key, bytes("hello"), Map.of(), "value is not valid JSON"));
        catalog.add(new Poison("truncated JSON", key, bytes("{\"specversion\":\"1.0\",\"id\":\"x"), structured,
                "value is not valid JSON"));
        catalog.add(new Poison("empty value", key, new byte[0], structured, "record has no value"));
        catalog.add(new Poison("binary garbage", key, new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0x80},
                Map.of(), "not UTF-8"));
        catalog.add(new Poison("JSON array", key, bytes("[1,2,3]"), structured, "not a JSON object"));
        catalog.add(new Poison("JSON string", key, bytes("\"granted\""), structured, "not a JSON object"));
        catalog.add(new Poison("oversized", key, bytes("{\"pad\":\"" + "x".repeat(300_000) + "\"}"), structured,
                "exceeds the limit"));
        catalog.add(new Poison("text/plain content type", key, event(partnerId, "bk.certification.granted",
                grant(partnerId), e -> e), Map.of("content-type", "text/plain"), "neither application/cloudevents+json"));
        catalog.add(envelopePoison("specversion 0.3", key, partnerId, e -> e.put("specversion", "0.3"),
                "specversion must be 1.0"));
        catalog.add(envelopePoison("no specversion", key, partnerId, e -> { e.remove("specversion"); return e; },
                "specversion must be 1.0"));
        catalog.add(envelopePoison("no id", key, partnerId, e -> { e.remove("id"); return e; }, "id is missing"));
        catalog.add(envelopePoison("no source", key, partnerId, e -> { e.remove("source"); return e; },
                "source is missing"));
        catalog.add(envelopePoison("untrusted source", key, partnerId, e -> e.put("source", "/test/poison"),
                "untrusted source /test/poison for topic bk.certification.events; trusted: /bk/training-exam"));
        catalog.add(new Poison("untrusted source in binary mode", key, bytes("{\"untrusted\":true}"),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test/binary", "ce_type",
                "bk.certification.granted"), "untrusted source /test/binary"));
        catalog.add(envelopePoison("no type", key, partnerId, e -> { e.remove("type"); return e; },
                "type is missing"));
        catalog.add(envelopePoison("unknown type", key, partnerId, e -> e.put("type", "bk.certification.renamed"),
                "unknown event type"));
        catalog.add(envelopePoison("no data", key, partnerId, e -> { e.remove("data"); return e; },
                "data must be a JSON object"));
        catalog.add(envelopePoison("data is a string", key, partnerId, e -> e.put("data", "granted"),
                "data must be a JSON object"));
        catalog.add(envelopePoison("bad time", key, partnerId, e -> e.put("time", "noon"),
                "time must be an RFC 3339 timestamp"));
        catalog.add(grantPoison("no certificateId", key, partnerId, d -> without(d, "certificateId"),
                "data.certificateId is missing"));
        catalog.add(grantPoison("no engineerId", key, partnerId, d -> without(d, "engineerId"),
                "data.engineerId is missing"));
        catalog.add(grantPoison("numeric engineerId", key, partnerId, d -> with(d, "engineerId", 42),
                "data.engineerId must be a string (non-blank text), was an integer (type)"));
        catalog.add(grantPoison("wrong check character", key, partnerId, d -> with(d, "partnerId", wrongCheck),
                "data.partnerId is not a valid unified social credit code"));
        catalog.add(grantPoison("short partnerId", key, partnerId, d -> with(d, "partnerId", "9135"),
                "data.partnerId must be a valid unified social credit code, was \"9135\" (pattern)"));
        catalog.add(grantPoison("unknown track", key, partnerId, d -> with(d, "track", "OPERATIONS"),
                "data.track must be one of"));
        catalog.add(grantPoison("unknown level", key, partnerId, d -> with(with(d, "track", "AUTOMATION"), "level",
                "EXPERT"), "data.level must be one of"));
        catalog.add(grantPoison("automation without level", key, partnerId, d -> with(d, "track", "AUTOMATION"),
                "data.level is missing (required: AUTOMATION certificates have a level)"));
        catalog.add(grantPoison("development with level", key, partnerId, d -> with(d, "level", "SERVICE"),
                "data.level must be null, was \"SERVICE\" (const: only AUTOMATION certificates have a level)"));
        catalog.add(grantPoison("bad issuedOn", key, partnerId, d -> with(d, "issuedOn", "15/01/2026"),
                "data.issuedOn must be a date"));
        catalog.add(grantPoison("expires before issued", key, partnerId, d -> with(d, "expiresOn", "2025-01-01"),
                "is before data.issuedOn"));
        catalog.add(grantPoison("certificateId too long", key, partnerId, d -> with(d, "certificateId",
                "C".repeat(101)), "data.certificateId is longer than 100"));
        catalog.add(new Poison("null key", null, event(partnerId, "bk.certification.granted", grant(partnerId),
                e -> e), structured, "record key must be the partnerId"));
        catalog.add(new Poison("key of another partner", bytes(otherPartner), event(partnerId,
                "bk.certification.granted", grant(partnerId), e -> e), structured, "record key must be the partnerId"));
        catalog.add(new Poison("revoked without reason", key, event(partnerId, "bk.certification.revoked",
                Map.of("certificateId", "C-1", "partnerId", partnerId), e -> e), structured, "data.reason is missing"));
        catalog.add(new Poison("transfer to itself", key, event(partnerId, "bk.certification.transferred",
                Map.of("certificateId", "C-1", "fromPartnerId", partnerId, "toPartnerId", partnerId), e -> e),
                structured, "data.toPartnerId must differ"));
        catalog.add(new Poison("binary mode without ce_id", key, bytes("{}"), Map.of("ce_specversion", "1.0",
                "ce_source", "/bk/training-exam", "ce_type", "bk.certification.granted"), "id is missing"));
        catalog.add(new Poison("binary mode, data not JSON", key, bytes("not json"), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_source", "/bk/training-exam", "ce_type", "bk.certification.granted"),
                "data is not valid JSON"));
        return catalog;
    }

    private Poison envelopePoison(String name, byte[] key, String partnerId, Function<ObjectNode, ObjectNode> change,
                                  String reason) {
        return new Poison(name, key, event(partnerId, "bk.certification.granted", grant(partnerId), change),
                Map.of("content-type", "application/cloudevents+json"), reason);
    }

    private Poison grantPoison(String name, byte[] key, String partnerId,
                               Function<Map<String, Object>, Map<String, Object>> change, String reason) {
        return new Poison(name, key, event(partnerId, "bk.certification.granted", change.apply(grant(partnerId)),
                e -> e), Map.of("content-type", "application/cloudevents+json"), reason);
    }

    private static byte[] event(String partnerId, String type, Map<String, Object> data,
                                Function<ObjectNode, ObjectNode> change) {
        ObjectNode envelope = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", type, data);
        return bytes(change.apply(envelope).toString());
    }

    private static Map<String, Object> grant(String partnerId) {
        return Companies.granted(partnerId, "E-POISON", "DEVELOPMENT", null, null);
    }

    private static Map<String, Object> payment(String partnerId) {
        return new LinkedHashMap<>(Map.of("invoiceId", "INV-1", "partnerId", partnerId, "amount", "10.00",
                "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));
    }

    private static Map<String, Object> with(Map<String, Object> data, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> data, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.remove(field);
        return changed;
    }

    /** The ids among these that were applied, in the order they were applied. */
    private List<String> applied(List<String> eventIds) {
        return jdbcClient.sql("select event_id from program.processed_event where event_id = any(?) order by seq")
                .param(eventIds.toArray(String[]::new)).query(String.class).list();
    }

    private static ConsumerRecord<byte[], byte[]> find(List<ConsumerRecord<byte[], byte[]>> records, Poison poison) {
        return records.stream().filter(record -> Arrays.equals(record.value(), poison.value())
                && Arrays.equals(record.key(), poison.key())).findFirst().orElse(null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
