package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The certification listener applies a whole poll in one transaction. Records are sent while its consumers are
 * stopped, so they arrive together: a record in the middle that fails in the database (a revocation of another
 * company's certificate) goes alone, unchanged, to the dead-letter topic with its reason; its neighbours on both
 * sides are applied once, in order; the same poll delivered again changes nothing (no second transfer row, no
 * second inbox row).
 */
class OnePollTest extends ServiceIntegrationTest {

    private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");
    private static final String SOURCE = "/bk/training-exam";


    @Test
    void badRecordInTheMiddleOfAPollGoesAloneToItsDeadLetterTopicAndARedeliveredPollHasNoSecondEffect() {
        String holder = Companies.newPartnerId();
        String heldByHolder = certify(holder, "held", "AUTOMATION", "SERVICE", null);
        awaitConsumed(holder);
        String company = Companies.newPartnerId();
        String receiver = Companies.newPartnerId();

        List<byte[]> before = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        List<String> certificates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> grant = Companies.granted(company, "before-" + i + "@" + company, "DEVELOPMENT", null, null);
            certificates.add((String) grant.get("certificateId"));
            before.add(event(goodIds, "bk.certification.granted", grant));
        }
        String moved = certificates.get(0);
        before.add(event(goodIds, "bk.certification.transferred", Map.of("certificateId", moved,
                "fromPartnerId", company, "toPartnerId", receiver)));
        byte[] forged = event(new ArrayList<>(), "bk.certification.revoked", Map.of("certificateId", heldByHolder,
                "partnerId", company, "reason", "forged in the middle of a poll"));
        List<byte[]> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> grant = Companies.granted(company, "after-" + i + "@" + company, "DEVELOPMENT", null, null);
            certificates.add((String) grant.get("certificateId"));
            after.add(event(goodIds, "bk.certification.granted", grant));
        }

        RecordMetadata forgedAt = whileStopped("certification-events", () -> {
            before.forEach(value -> send(company, value));
            RecordMetadata at = send(company, forged);
            after.forEach(value -> send(company, value));
            return at;
        });

        awaitApplied(goodIds);
        ConsumerRecord<byte[], byte[]> dead = kafka.awaitRecord(CERTIFICATIONS + ".DLT",
                record -> Arrays.equals(record.value(), forged));
        ReadableDeadLetters.assertReadableWithoutStackTrace(dead, forgedAt, bytes(company), forged);
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).contains(heldByHolder, holder, company);
        assertThat(certificateStatus(heldByHolder)).as("the forged revocation changed nothing").isEqualTo("VALID");
        assertThat(holderOf(moved)).isEqualTo(receiver);
        assertThat(certificates.subList(1, certificates.size())).allMatch(id -> company.equals(holderOf(id)));
        assertEffectsOnce(goodIds, moved);

        // the same poll again, as after a crash before the offset commit: the inbox knows every record
        whileStopped("certification-events", () -> {
            before.forEach(value -> send(company, value));
            after.forEach(value -> send(company, value));
            return null;
        });
        awaitConsumed(company);
        assertEffectsOnce(goodIds, moved);
        assertThat(holderOf(moved)).isEqualTo(receiver);
    }

    @Test
    void certificateGrantedSeveralTimesInOnePollEndsAsItsLastGrantSays() {
        String company = Companies.newPartnerId();
        String certificate = "CERT-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        List<byte[]> grants = new ArrayList<>();
        for (String level : List.of("USAGE", "SERVICE", "USAGE", "SERVICE")) {
            grants.add(event(ids, "bk.certification.granted", Map.of("certificateId", certificate,
                    "engineerId", "twice@" + company, "partnerId", company, "track", "AUTOMATION", "level", level,
                    "issuedOn", "2026-01-1" + grants.size())));
        }
        whileStopped("certification-events", () -> {
            grants.forEach(value -> send(company, value));
            return null;
        });

        awaitApplied(ids);
        assertThat(jdbcClient.sql("select level || ' ' || issued_on from program.certificate where certificate_id = ?")
                .param(certificate).query(String.class).single()).isEqualTo("SERVICE 2026-01-13");
    }

    /**
     * Expired, then revoked, in one poll: each is an upsert of the certificate's row, sent with the poll's other
     * status changes as one multi-row upsert, which may change a row only once. The poll must still be applied as
     * one transaction (one {@code xmin} for its inbox rows), not fall back to one record at a time, which would
     * re-evaluate the company after each of them.
     */
    @Test
    void certificateExpiredAndRevokedInOnePollIsAppliedInOneTransaction() {
        String company = Companies.newPartnerId();
        String lapsed = certify(company, "lapsed", "AUTOMATION", "SERVICE", null);
        String other = certify(company, "other", "DEVELOPMENT", null, null);
        awaitConsumed(company);
        List<String> ids = new ArrayList<>();
        List<byte[]> poll = List.of(
                event(ids, "bk.certification.expired", Map.of("certificateId", other, "partnerId", company)),
                event(ids, "bk.certification.expired", Map.of("certificateId", lapsed, "partnerId", company)),
                event(ids, "bk.certification.revoked", Map.of("certificateId", lapsed, "partnerId", company,
                        "reason", "revoked after it expired")));
        whileStopped("certification-events", () -> {
            poll.forEach(value -> send(company, value));
            return null;
        });

        awaitApplied(ids);
        assertThat(certificateStatus(lapsed)).isEqualTo("REVOKED");
        assertThat(certificateStatus(other)).isEqualTo("EXPIRED");
        assertThat(jdbcClient.sql("select count(distinct xmin::text) from program.processed_event where event_id = any(?)")
                .param(ids.toArray(String[]::new)).query(Long.class).single())
                .as("the poll's inbox rows committed together").isEqualTo(1);
    }

    private void assertEffectsOnce(List<String> eventIds, String transferredCertificate) {
        assertThat(jdbcClient.sql("select count(*) from program.processed_event where event_id = any(?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single())
                .as("one inbox row per event").isEqualTo(eventIds.size());
        assertThat(jdbcClient.sql("select count(*) from program.certificate_transfer where certificate_id = ?")
                .param(transferredCertificate).query(Long.class).single())
                .as("the transfer recorded once").isEqualTo(1);
    }

    private RecordMetadata send(String key, byte[] value) {
        return kafka.publishRaw(CERTIFICATIONS, bytes(key), value, STRUCTURED);
    }

    private static byte[] event(List<String> ids, String type, Map<String, ?> data) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return KafkaTestClient.envelope(id, SOURCE, type, data).toString().getBytes(StandardCharsets.UTF_8);
    }

    private String holderOf(String certificateId) {
        return jdbcClient.sql("select partner_id from program.certificate where certificate_id = ?")
                .param(certificateId).query(String.class).single();
    }

    private String certificateStatus(String certificateId) {
        return jdbcClient.sql("select status from program.certificate where certificate_id = ?")
                .param(certificateId).query(String.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
