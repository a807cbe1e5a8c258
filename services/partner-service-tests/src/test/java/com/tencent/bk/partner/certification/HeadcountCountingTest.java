package com.tencent.bk.partner.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counting rules of docs/contracts.md, fed through {@code bk.certification.events} and read back through
 * {@code GET /api/partners/{partnerId}}. Certificates of companies that are not partners yet are kept and
 * count from the moment the company applies.
 */
class HeadcountCountingTest extends ServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgramClock clock;

    @Test
    void eachEngineerCountsOncePerTrackAndServiceLevelAlsoCountsAsUsage() {
        String partnerId = Companies.newPartnerId();
        grant(partnerId, "A", "AUTOMATION", "SERVICE", null);
        grant(partnerId, "A", "AUTOMATION", "USAGE", null);
        grant(partnerId, "A", "DEVELOPMENT", null, null);
        grant(partnerId, "B", "AUTOMATION", "USAGE", null);
        grant(partnerId, "C", "DEVELOPMENT", null, null);
        grant(partnerId, "C", "DEVELOPMENT", null, null);

        JsonNode headcount = headcountAfterApplying(partnerId);

        assertThat(headcount.path("automationService").asInt()).isEqualTo(1);
        assertThat(headcount.path("automationUsage").asInt()).isEqualTo(2);
        assertThat(headcount.path("development").asInt()).isEqualTo(2);
    }

    @Test
    void revokedExpiredAndPastExpiryCertificatesDoNotCountEvenOutOfOrder() {
        String partnerId = Companies.newPartnerId();
        String yesterday = clock.today().minusDays(1).toString();
        String today = clock.today().toString();
        grant(partnerId, "past-expiry", "AUTOMATION", "SERVICE", yesterday);
        grant(partnerId, "expires-today", "AUTOMATION", "SERVICE", today);
        String revoked = grant(partnerId, "revoked", "AUTOMATION", "SERVICE", null);
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.revoked",
                Map.of("certificateId", revoked, "partnerId", partnerId, "reason", "exam fraud"));
        String expired = grant(partnerId, "expired", "AUTOMATION", "SERVICE", null);
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.expired",
                Map.of("certificateId", expired, "partnerId", partnerId));
        // the revocation arrives before its grant
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.revoked",
                Map.of("certificateId", "CERT-LATE-" + partnerId, "partnerId", partnerId, "reason", "duplicate"));
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                Map.of("certificateId", "CERT-LATE-" + partnerId, "engineerId", "late", "partnerId", partnerId,
                        "track", "AUTOMATION", "level", "SERVICE", "issuedOn", "2026-01-01"));

        JsonNode headcount = headcountAfterApplying(partnerId);

        assertThat(headcount.path("automationService").asInt()).as("only the one expiring today").isEqualTo(1);
    }

    @Test
    void transferredCertificateCountsForTheNewEmployerOnly() {
        String from = Companies.newPartnerId();
        String to = Companies.newPartnerId();
        String certificate = grant(from, "mover", "DEVELOPMENT", null, null);
        grant(from, "stayer", "DEVELOPMENT", null, null);
        kafka.publish(CERTIFICATIONS, from, "bk.certification.transferred",
                Map.of("certificateId", certificate, "fromPartnerId", from, "toPartnerId", to));

        assertThat(headcountAfterApplying(from).path("development").asInt()).isEqualTo(1);
        assertThat(headcountAfterApplying(to).path("development").asInt()).isEqualTo(1);
    }

    @Test
    void transfersThatArriveOutOfOrderLeaveTheCertificateWithItsLatestEmployer() {
        String first = Companies.newPartnerId();
        String second = Companies.newPartnerId();
        String third = Companies.newPartnerId();
        String certificate = grant(first, "job-hopper", "DEVELOPMENT", null, null);
        headcountAfterApplying(first);
        Instant movedToSecond = Instant.now().minusSeconds(3600);

        // second → third (the later move) is keyed by the second company and overtakes first → second: the second
        // company does not hold the certificate yet, which a forged transfer would look like too, so it waits in
        // the dead-letter topic ...
        String later = publishTransfer(second, certificate, second, third, movedToSecond.plusSeconds(1800));
        var dead = kafka.awaitRecord(CERTIFICATIONS + ".DLT",
                record -> later.equals(KafkaTestClient.json(record.value()).path("id").asText()));
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason"))
                .contains("certificate " + certificate + " is held by " + first + ", not by fromPartnerId " + second);
        publishTransfer(first, certificate, first, second, movedToSecond);
        assertThat(headcountAfterApplying(second).path("development").asInt()).isEqualTo(1);

        // ... until it is replayed once the earlier move arrived
        assertThat(engine.post(TestUsers.ADMIN, "/api/admin/dead-letters/" + CERTIFICATIONS + "/replay", Map.of())
                .getStatusCode().value()).isEqualTo(200);
        headcountAfterApplying(third);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> partner(third).path("headcount").path("development").asInt() == 1);
        assertThat(headcountAfterApplying(first).path("development").asInt()).isZero();
        assertThat(headcountAfterApplying(second).path("development").asInt()).isZero();
    }

    private String publishTransfer(String key, String certificate, String from, String to, Instant movedAt) {
        String id = java.util.UUID.randomUUID().toString();
        ObjectNode envelope = KafkaTestClient.envelope(id, "/bk/training-exam",
                "bk.certification.transferred", Map.of("certificateId", certificate, "fromPartnerId", from,
                        "toPartnerId", to));
        kafka.publish(CERTIFICATIONS, key, envelope.put("time", movedAt.toString()));
        return id;
    }

    @Test
    void redeliveredGrantIsCountedOnce() {
        String partnerId = Companies.newPartnerId();
        var event = com.tencent.bk.partner.support.KafkaTestClient.envelope("cert-event-" + partnerId, "/bk/training-exam",
                "bk.certification.granted", Companies.granted(partnerId, "E", "DEVELOPMENT", null, null));
        kafka.publish(CERTIFICATIONS, partnerId, event);
        kafka.publish(CERTIFICATIONS, partnerId, event);

        assertThat(headcountAfterApplying(partnerId).path("development").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from program.processed_event where event_id = ?")
                .param("cert-event-" + partnerId).query(Long.class).single()).isEqualTo(1);
    }

    private String grant(String partnerId, String engineer, String track, String level, String expiresOn) {
        Map<String, Object> data = Companies.granted(partnerId, engineer + "-" + partnerId, track, level, expiresOn);
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted", data);
        return (String) data.get("certificateId");
    }

    /** Waits until everything sent for the company was consumed (a marker behind it), applies, reads. */
    private JsonNode headcountAfterApplying(String partnerId) {
        String marker = kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.expired",
                Map.of("certificateId", "MARKER-" + partnerId, "partnerId", partnerId));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from program.processed_event where event_id = ?").param(marker)
                .query(Long.class).single() == 1);
        if (partner(partnerId).path("partnerId").isMissingNode()) {
            assertThat(apply(Companies.application(partnerId, "BRAND")).getStatusCode().value()).isEqualTo(201);
        }
        return partner(partnerId).path("headcount");
    }
}
