package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A record whose processing fails for a cause outside it (here: the finance process was suspended by
 * mistake) goes to the dead-letter topic after a few retries; once the cause is fixed, the documented replay
 * puts it back and it is processed exactly once, however often the replay runs.
 */
class DeadLetterReplayTest extends ServiceIntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void deadLetteredRecordIsReplayedAfterTheFixAndProcessedOnce() {
        String partnerId = Companies.newPartnerId();
        String eventId = UUID.randomUUID().toString();
        byte[] payment = KafkaTestClient.envelope(eventId, KafkaTestClient.trustedSource(PAYMENTS),
                "bk.payment.received", Map.of("invoiceId", "INV-LOST-1", "partnerId", partnerId, "amount", "10.00",
                        "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z")).toString().getBytes(StandardCharsets.UTF_8);
        repository.suspendProcessDefinitionByKey("payment-exception");
        try {
            RecordMetadata producedAt = kafka.publishRaw(PAYMENTS, partnerId.getBytes(StandardCharsets.UTF_8), payment,
                    Map.of("content-type", "application/cloudevents+json"));
            var dead = kafka.awaitRecord(PAYMENTS + ".DLT", record -> partnerId.equals(KafkaTestClient.text(record.key())));
            assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).startsWith("processing failed");
            assertThat(dead.value()).isEqualTo(payment);
            ReadableDeadLetters.assertOrigin(dead, producedAt);
            assertThat(KafkaTestClient.header(dead, "kafka_dlt-exception-stacktrace"))
                    .as("a processing failure keeps its stack trace").contains("\tat ");
        } finally {
            repository.activateProcessDefinitionByKey("payment-exception");
        }
        assertThat(instances(partnerId)).isZero();

        ResponseEntity<String> replayed = engine.post(TestUsers.ADMIN, "/api/admin/dead-letters/" + PAYMENTS
                + "/replay", Map.of());
        assertThat(replayed.getStatusCode().value()).as(replayed.getBody()).isEqualTo(200);
        assertThat(EngineRestClient.read(replayed.getBody()).path("replayed").asInt()).isGreaterThanOrEqualTo(1);
        engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        var replayedRecord = kafka.awaitRecord(PAYMENTS, record -> Arrays.equals(record.value(), payment)
                && record.headers().lastHeader("bk-replayed-from") != null);
        assertThat(replayedRecord.headers()).as("no dead-letter header goes back, text or binary")
                .noneMatch(header -> header.key().startsWith("bk-dlt-") || header.key().startsWith("kafka_dlt-"));
        assertThat(KafkaTestClient.header(replayedRecord, "content-type")).isEqualTo("application/cloudevents+json");

        ResponseEntity<String> again = engine.post(TestUsers.ADMIN, "/api/admin/dead-letters/" + PAYMENTS
                + "/replay", Map.of());
        assertThat(EngineRestClient.read(again.getBody()).path("replayed").asInt()).isZero();
        String marker = kafka.publish(PAYMENTS, partnerId, "bk.payment.failed", Map.of("invoiceId", "INV-LOST-1",
                "partnerId", partnerId, "reason", "marker"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where event_id = ?").param(marker).query(Long.class).single() == 1);
        assertThat(instances(partnerId)).isEqualTo(1);
        assertThat(jdbcClient.sql("select count(*) from program.payment where event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsReplayAndOnlyInboundTopics() {
        assertThat(engine.post(TestUsers.MANAGER, "/api/admin/dead-letters/" + PAYMENTS + "/replay", Map.of())
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> outbound = engine.post(TestUsers.ADMIN,
                "/api/admin/dead-letters/bk.partner.events/replay", Map.of());
        assertThat(outbound.getStatusCode().value()).isEqualTo(400);
        assertThat(outbound.getBody()).contains("topic");
    }

    private long instances(String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("payment-exception")
                .processInstanceBusinessKey(partnerId).count();
    }
}
