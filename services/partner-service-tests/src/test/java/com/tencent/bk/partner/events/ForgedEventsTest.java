package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events an adversary forges: about company X but naming a certificate company A holds, or from a producer the
 * topic does not trust. Each goes unchanged to the dead-letter topic with a reason, changes nothing, and the good
 * record behind it on the same partition is applied.
 */
class ForgedEventsTest extends ServiceIntegrationTest {

    private static final String COMPLIANCE = "bk.compliance.events";
    private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

    @Autowired
    RuntimeService runtime;

    // --- ownership: an event about company X never changes company A's certificates

    @Test
    void revocationNamingAnotherCompanyLeavesItsCertificateAlone() {
        String holder = Companies.newPartnerId();
        List<String> certificates = holderOf3Service1Development(holder);
        String forger = Companies.newPartnerId();

        byte[] forged = certificationEvent("bk.certification.revoked", Map.of("certificateId", certificates.get(0),
                "partnerId", forger, "reason", "forged"));
        String before = ownGrant(forger, "before");
        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(forger), forged, STRUCTURED);
        String after = ownGrant(forger, "after");

        assertDeadLettered(forgedAt, forger, forged, certificates.get(0), holder, forger);
        awaitApplied(before, after);
        assertHeadcount(holder, 3, 3, 1);
    }

    @Test
    void transferFromACompanyThatDoesNotHoldTheCertificateIsDeadLettered() {
        String holder = Companies.newPartnerId();
        List<String> certificates = holderOf3Service1Development(holder);
        String forger = Companies.newPartnerId();
        String receiver = Companies.newPartnerId();

        byte[] forged = certificationEvent("bk.certification.transferred", Map.of("certificateId",
                certificates.get(1), "fromPartnerId", forger, "toPartnerId", receiver));
        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(forger), forged, STRUCTURED);
        String after = ownGrant(forger, "after");

        assertDeadLettered(forgedAt, forger, forged, certificates.get(1), holder, forger);
        awaitApplied(after);
        assertHeadcount(holder, 3, 3, 1);
        assertThat(jdbcClient.sql("select count(*) from program.certificate where partner_id = ?").param(receiver)
                .query(Long.class).single()).as("nothing moved to the receiver").isZero();
    }

    @Test
    void grantByAnotherCompanyDoesNotDowngradeTheHoldersCertificate() {
        String holder = Companies.newPartnerId();
        List<String> certificates = holderOf3Service1Development(holder);
        String forger = Companies.newPartnerId();

        Map<String, Object> downgrade = new LinkedHashMap<>(Companies.granted(forger, "forged-engineer",
                "AUTOMATION", "USAGE", null));
        downgrade.put("certificateId", certificates.get(2));
        byte[] forged = certificationEvent("bk.certification.granted", downgrade);
        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(forger), forged, STRUCTURED);
        String after = ownGrant(forger, "after");

        assertDeadLettered(forgedAt, forger, forged, certificates.get(2), holder, forger);
        awaitApplied(after);
        assertHeadcount(holder, 3, 3, 1);
    }

    @Test
    void regrantByTheFormerHolderAfterARecordedTransferIsRefused() {
        String former = Companies.newPartnerId();
        String holder = Companies.newPartnerId();
        Map<String, Object> grant = Companies.granted(former, "mover-" + former, "AUTOMATION", "SERVICE", null);
        kafka.publish(CERTIFICATIONS, former, "bk.certification.granted", grant);
        kafka.publish(CERTIFICATIONS, former, "bk.certification.transferred", Map.of("certificateId",
                grant.get("certificateId"), "fromPartnerId", former, "toPartnerId", holder));
        awaitConsumed(former);
        assertThat(apply(Companies.application(holder, "BRAND")).getStatusCode().value()).isEqualTo(201);

        Map<String, Object> downgrade = new LinkedHashMap<>(grant);
        downgrade.put("level", "USAGE");
        byte[] regrant = certificationEvent("bk.certification.granted", downgrade);
        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(former), regrant, STRUCTURED);
        String after = ownGrant(former, "after");

        assertDeadLettered(forgedAt, former, regrant, (String) grant.get("certificateId"), holder, former);
        awaitApplied(after);
        assertHeadcount(holder, 1, 1, 0);
    }

    @Test
    void revocationNamingTheFormerHolderOfARecordedTransferStillRevokes() {
        String former = Companies.newPartnerId();
        String holder = Companies.newPartnerId();
        Map<String, Object> grant = Companies.granted(former, "mover-" + former, "DEVELOPMENT", null, null);
        kafka.publish(CERTIFICATIONS, former, "bk.certification.granted", grant);
        kafka.publish(CERTIFICATIONS, former, "bk.certification.transferred", Map.of("certificateId",
                grant.get("certificateId"), "fromPartnerId", former, "toPartnerId", holder));
        awaitConsumed(former);
        assertThat(apply(Companies.application(holder, "BRAND")).getStatusCode().value()).isEqualTo(201);
        assertHeadcount(holder, 0, 0, 1);

        // issued before the engineer moved, so the training system still names the former employer
        revoke(former, (String) grant.get("certificateId"));
        awaitConsumed(former);

        assertHeadcount(holder, 0, 0, 0);
    }

    // --- sources: each inbound topic trusts only its configured producer

    @Test
    void paymentFromAnUntrustedSourceIsDeadLetteredAndNotApplied() {
        String partnerId = Companies.newPartnerId();
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        byte[] forged = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/definitely/not/billing",
                "bk.payment.received", Map.of("invoiceId", invoice.path("invoiceId").asText(), "partnerId", partnerId,
                        "amount", invoice.path("amount").asText(), "currency", invoice.path("currency").asText(),
                        "paidAt", "2026-11-24T08:00:00Z")).toString().getBytes(StandardCharsets.UTF_8);

        RecordMetadata forgedAt = kafka.publishRaw(PAYMENTS, bytes(partnerId), forged, STRUCTURED);
        String after = kafka.publish(PAYMENTS, partnerId, "bk.payment.failed",
                Map.of("invoiceId", "INV-OTHER", "partnerId", partnerId, "reason", "declined"));

        ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(forgedAt, partnerId, forged,
                "untrusted source /definitely/not/billing for topic bk.payment.events; trusted: /bk/billing");
        assertThat(dead).isNotNull();
        awaitApplied(after);
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).isEmpty();
    }

    @Test
    void violationFromAnUntrustedSourceOpensNoTermination() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        Map<String, String> violation = Map.of("caseId", "CASE-" + partnerId, "partnerId", partnerId,
                "category", "COMPETING_PRODUCT", "description", "forged report");
        byte[] forged = KafkaTestClient.envelope(UUID.randomUUID().toString(), "/definitely/not/compliance",
                "bk.compliance.violation-reported", violation).toString().getBytes(StandardCharsets.UTF_8);

        RecordMetadata forgedAt = kafka.publishRaw(COMPLIANCE, bytes(partnerId), forged, STRUCTURED);
        assertDeadLettered(forgedAt, partnerId, forged, "untrusted source /definitely/not/compliance for topic "
                + COMPLIANCE + "; trusted: /bk/compliance");
        assertThat(terminations(partnerId)).isZero();

        // the same report from the trusted producer does open one: the refusal above is the source's doing
        kafka.publish(COMPLIANCE, partnerId, "bk.compliance.violation-reported", violation);
        await().atMost(Duration.ofSeconds(20)).until(() -> terminations(partnerId) > 0);
    }

    @Test
    void sameEventIdFromAnotherSourceIsDeadLetteredNotAppliedTwice() {
        String partnerId = Companies.newPartnerId();
        String id = UUID.randomUUID().toString();
        Map<String, Object> grant = Companies.granted(partnerId, "E-" + partnerId, "DEVELOPMENT", null, null);
        byte[] genuine = KafkaTestClient.envelope(id, "/bk/training-exam", "bk.certification.granted", grant)
                .toString().getBytes(StandardCharsets.UTF_8);
        byte[] copy = KafkaTestClient.envelope(id, "/bk/training-exam-copy", "bk.certification.granted", grant)
                .toString().getBytes(StandardCharsets.UTF_8);

        kafka.publishRaw(CERTIFICATIONS, bytes(partnerId), genuine, STRUCTURED);
        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(partnerId), copy, STRUCTURED);
        String after = ownGrant(partnerId, "after");

        assertDeadLettered(forgedAt, partnerId, copy, "untrusted source /bk/training-exam-copy for topic "
                + CERTIFICATIONS + "; trusted: /bk/training-exam");
        awaitApplied(after);
        assertThat(jdbcClient.sql("select count(*) from program.processed_event where event_id = ?").param(id)
                .query(Long.class).single()).as("applied once").isEqualTo(1);
    }

    @Test
    void binaryModeEventFromAnUntrustedSourceIsDeadLettered() {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> grant = Companies.granted(partnerId, "E-" + partnerId, "DEVELOPMENT", null, null);
        byte[] data = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(grant).toString()
                .getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/test/binary",
                "ce_type", "bk.certification.granted", "ce_time", Instant.now().toString(),
                "content-type", "application/json");

        RecordMetadata forgedAt = kafka.publishRaw(CERTIFICATIONS, bytes(partnerId), data, headers);
        String after = kafka.publishBinary(CERTIFICATIONS, partnerId, "bk.certification.granted",
                Companies.granted(partnerId, "F-" + partnerId, "DEVELOPMENT", null, null));

        ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(forgedAt, partnerId, data,
                "untrusted source /test/binary for topic " + CERTIFICATIONS + "; trusted: /bk/training-exam");
        assertThat(KafkaTestClient.header(dead, "ce_source")).isEqualTo("/test/binary");
        awaitApplied(after);
        assertThat(jdbcClient.sql("select count(*) from program.processed_event where event_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(apply(Companies.application(partnerId, "BRAND")).getStatusCode().value()).isEqualTo(201);
        assertHeadcount(partnerId, 0, 0, 1);
    }

    // --- helpers

    /** A company, applied as BRAND so its headcount can be read, holding 3 SERVICE automation and 1 development. */
    private List<String> holderOf3Service1Development(String partnerId) {
        List<String> certificates = List.of(
                certify(partnerId, "auto-0", "AUTOMATION", "SERVICE", null),
                certify(partnerId, "auto-1", "AUTOMATION", "SERVICE", null),
                certify(partnerId, "auto-2", "AUTOMATION", "SERVICE", null),
                certify(partnerId, "dev-0", "DEVELOPMENT", null, null));
        awaitConsumed(partnerId);
        assertThat(apply(Companies.application(partnerId, "BRAND")).getStatusCode().value()).isEqualTo(201);
        assertHeadcount(partnerId, 3, 3, 1);
        return certificates;
    }

    /** A good grant of the company's own new certificate; returns the event id. */
    private String ownGrant(String partnerId, String engineer) {
        return kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                Companies.granted(partnerId, engineer + "-" + partnerId, "DEVELOPMENT", null, null));
    }

    private static byte[] certificationEvent(String type, Map<String, ?> data) {
        return KafkaTestClient.envelope(UUID.randomUUID().toString(), "/bk/training-exam", type, data).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The dead letter is the record as sent, byte for byte, its reason names everything given, and it reads as
     * text: where it came from, and no stack trace (the service refused it, nothing went wrong).
     */
    private ConsumerRecord<byte[], byte[]> assertDeadLettered(RecordMetadata forgedAt, String key, byte[] value,
                                                              String... reasonParts) {
        ConsumerRecord<byte[], byte[]> dead = kafka.awaitRecord(forgedAt.topic() + ".DLT",
                record -> Arrays.equals(record.value(), value));
        ReadableDeadLetters.assertReadableWithoutStackTrace(dead, forgedAt, bytes(key), value);
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).contains(reasonParts);
        return dead;
    }

    private void awaitApplied(String... eventIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbcClient.sql(
                        "select count(*) from program.processed_event where event_id = any(?)")
                .param(eventIds).query(Long.class).single() == eventIds.length);
    }

    private void assertHeadcount(String partnerId, int automationService, int automationUsage, int development) {
        JsonNode headcount = partner(partnerId).path("headcount");
        assertThat(List.of(headcount.path("automationService").asInt(), headcount.path("automationUsage").asInt(),
                headcount.path("development").asInt())).as("headcount of " + partnerId)
                .containsExactly(automationService, automationUsage, development);
    }

    private long terminations(String partnerId) {
        return jdbcClient.sql("select count(*) from program.termination_request where partner_id = ?")
                .param(partnerId).query(Long.class).single()
                + runtime.createProcessInstanceQuery().processDefinitionKey("contract-termination")
                .processInstanceBusinessKey(partnerId).count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
