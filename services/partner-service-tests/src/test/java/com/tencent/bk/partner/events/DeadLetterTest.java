package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records that cannot be understood go unchanged to {@code <topic>.DLT} with the reason and where they came
 * from, as text a person can read, and the good record right behind each of them on the same partition is still
 * processed.
 */
class DeadLetterTest extends ServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordThatIsNotJsonGoesUnchangedToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        String partnerId = Companies.newPartnerId();
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 'x'};

        RecordMetadata producedAt = kafka.publishRaw(CERTIFICATIONS, bytes(partnerId), garbage, Map.of());
        String goodCertificate = grant(partnerId);

        ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(CERTIFICATIONS, partnerId,
                record -> Arrays.equals(record.value(), garbage));
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).contains("not UTF-8");
        ReadableDeadLetters.assertReadableWithoutStackTrace(dead, producedAt, bytes(partnerId), garbage);
        awaitCertificate(goodCertificate);
    }

    @Test
    void deadLetterOfAMalformedRecordReadsAsTextWithItsReasonAndOriginAndNoStackTrace() {
        String partnerId = Companies.newPartnerId();
        byte[] key = bytes(partnerId);
        byte[] truncated = bytes("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID());

        RecordMetadata producedAt = kafka.publishRaw(CERTIFICATIONS, key, truncated,
                Map.of("content-type", "application/cloudevents+json"));
        String goodCertificate = grant(partnerId);

        ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(CERTIFICATIONS, partnerId,
                record -> Arrays.equals(record.value(), truncated));
        ReadableDeadLetters.assertReadableWithoutStackTrace(dead, producedAt, key, truncated);
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).contains("value is not valid JSON");
        assertThat(KafkaTestClient.header(dead, "kafka_dlt-exception-stacktrace")).isNull();
        assertThat(KafkaTestClient.header(dead, "content-type")).as("the record's own headers stay")
                .isEqualTo("application/cloudevents+json");
        awaitCertificate(goodCertificate);
    }

    @Test
    void eachInvalidFieldIsNamedInTheReason() {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> data = new LinkedHashMap<>(Companies.granted(partnerId, "E1", "AUTOMATION", "EXPERT", null));
        data.put("issuedOn", "yesterday");
        data.remove("engineerId");

        String id = kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted", data);
        String goodCertificate = grant(partnerId);

        String reason = KafkaTestClient.header(awaitDeadLetter(CERTIFICATIONS, partnerId,
                record -> KafkaTestClient.json(record.value()).path("id").asText().equals(id)), "bk-dlt-reason");
        assertThat(reason).contains("data.engineerId is missing", "data.level must be one of",
                "data.issuedOn must be a date");
        awaitCertificate(goodCertificate);
    }

    @Test
    void unknownTypeWrongSpecVersionBadPartnerIdAndWrongKeyAreDeadLettered() {
        String partnerId = Companies.newPartnerId();
        String badCheckCharacter = partnerId.substring(0, 17) + (partnerId.endsWith("0") ? "1" : "0");
        var unknownType = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", "bk.certification.renamed",
                Companies.granted(partnerId, "E1", "DEVELOPMENT", null, null));
        var oldSpec = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", "bk.certification.granted",
                Companies.granted(partnerId, "E1", "DEVELOPMENT", null, null)).put("specversion", "0.3");
        var badPartner = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", "bk.certification.granted",
                Companies.granted(badCheckCharacter, "E1", "DEVELOPMENT", null, null));
        var wrongKey = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", "bk.certification.granted",
                Companies.granted(Companies.newPartnerId(), "E1", "DEVELOPMENT", null, null));

        kafka.publish(CERTIFICATIONS, partnerId, unknownType);
        kafka.publish(CERTIFICATIONS, partnerId, oldSpec);
        kafka.publish(CERTIFICATIONS, partnerId, badPartner);
        kafka.publish(CERTIFICATIONS, partnerId, wrongKey);
        String goodCertificate = grant(partnerId);

        assertThat(reasonFor(partnerId, unknownType.path("id").asText())).contains("unknown event type");
        assertThat(reasonFor(partnerId, oldSpec.path("id").asText())).contains("specversion must be 1.0");
        assertThat(reasonFor(partnerId, badPartner.path("id").asText())).contains("data.partnerId is not a valid");
        assertThat(reasonFor(partnerId, wrongKey.path("id").asText())).contains("record key must be the partnerId");
        awaitCertificate(goodCertificate);
    }

    @Test
    void malformedPaymentAmountsAreDeadLetteredOnThePaymentTopic() {
        String partnerId = Companies.newPartnerId();
        String negative = kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId", "INV-1",
                "partnerId", partnerId, "amount", "-5.00", "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));
        String number = kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId", "INV-1",
                "partnerId", partnerId, "amount", 12.5, "currency", "cny", "paidAt", "2026-11-24T08:00:00Z"));

        assertThat(awaitReason(PAYMENTS, partnerId, negative)).contains("data.amount must be a positive decimal");
        assertThat(awaitReason(PAYMENTS, partnerId, number)).contains("data.amount must be a string (a positive decimal",
                "data.currency must be an ISO 4217 code");
    }

    @Test
    void binaryModeCloudEventsAreAccepted() {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> data = Companies.granted(partnerId, "E-BIN", "DEVELOPMENT", null, null);

        kafka.publishBinary(CERTIFICATIONS, partnerId, "bk.certification.granted", data);

        awaitCertificate((String) data.get("certificateId"));
    }

    private String grant(String partnerId) {
        Map<String, Object> data = Companies.granted(partnerId, "E-OK", "DEVELOPMENT", null, null);
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted", data);
        return (String) data.get("certificateId");
    }

    private void awaitCertificate(String certificateId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from program.certificate where certificate_id = ?").param(certificateId)
                .query(Long.class).single() == 1);
    }

    private String reasonFor(String partnerId, String eventId) {
        return awaitReason(CERTIFICATIONS, partnerId, eventId);
    }

    private String awaitReason(String topic, String partnerId, String eventId) {
        return KafkaTestClient.header(awaitDeadLetter(topic, partnerId,
                record -> KafkaTestClient.json(record.value()).path("id").asText().equals(eventId)), "bk-dlt-reason");
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(String topic, String partnerId,
                                                           java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
        return kafka.awaitRecord(topic + ".DLT",
                record -> partnerId.equals(KafkaTestClient.text(record.key())) && which.test(record));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
