package com.tencent.bk.partner.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus} as Prometheus scrapes it: the programme's metrics are there and move as events
 * are consumed, redelivered and dead-lettered and as a partner becomes active; health covers database and Kafka.
 */
class MetricsTest extends ServiceIntegrationTest {

    @Autowired
    private ProgramGauges gauges;

    @Autowired
    private PrometheusMeterRegistry prometheus;

    private String scrape() {
        ResponseEntity<String> response = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** The value of one series, 0 when it is not there (yet). */
    private double value(String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String consumed(String type, String outcome) {
        return "bk_events_consumed_total{outcome=\"" + outcome + "\",topic=\"" + CERTIFICATIONS + "\",type=\""
                + type + "\"}";
    }

    @Test
    void metricsMoveAsEventsFlowAndPartnersChange() {
        String granted = consumed("bk.certification.granted", "applied");
        String redelivered = consumed("bk.certification.granted", "redelivered");
        String deadLettered = "bk_events_dead_lettered_total{topic=\"" + CERTIFICATIONS + "\"}";
        String latencyCount = "bk_events_latency_seconds_count{topic=\"" + CERTIFICATIONS + "\"}";
        String activeCommunity = "bk_partners{level=\"NONE\",status=\"ACTIVE\",type=\"COMMUNITY\"}";
        double grantedBefore = value(granted);
        double redeliveredBefore = value(redelivered);
        double deadLetteredBefore = value(deadLettered);
        double latencyBefore = value(latencyCount);
        double activeBefore = value(activeCommunity);

        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);
        var grant = KafkaTestClient.envelope(java.util.UUID.randomUUID().toString(), "/bk/training-exam",
                "bk.certification.granted", Companies.granted(partnerId, "again@" + partnerId, "DEVELOPMENT", null,
                        null));
        kafka.publish(CERTIFICATIONS, partnerId, grant);
        kafka.publish(CERTIFICATIONS, partnerId, grant);
        kafka.publishRaw(CERTIFICATIONS, partnerId.getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        awaitConsumed(partnerId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(value(granted)).isGreaterThanOrEqualTo(grantedBefore + 4); // 3 at onboarding, 1 here
            assertThat(value(redelivered)).isGreaterThanOrEqualTo(redeliveredBefore + 1);
            assertThat(value(deadLettered)).isGreaterThanOrEqualTo(deadLetteredBefore + 1);
            assertThat(value(latencyCount)).isGreaterThanOrEqualTo(latencyBefore + 4);
            assertThat(value(activeCommunity)).isGreaterThanOrEqualTo(activeBefore + 1);
        });
        String all = scrape();
        assertThat(all).contains("bk_events_retries_total{cause=\"correlation-conflict\",topic=\"" + PAYMENTS + "\"}",
                "bk_outbox_backlog ", "bk_partners_at_risk ", "bk_events_latency_seconds_bucket{");
    }

    /**
     * The partner gauges are refreshed on a schedule while Prometheus scrapes whenever it likes. A refresh that
     * replaced the gauges (as {@code MultiGauge} with overwrite does) let a scrape see a series twice and fail with
     * a 500 (micrometer#6851).
     */
    @Test
    void aScrapeDuringARefreshSeesEachSeriesOnce() throws Exception {
        Thread refreshing = new Thread(() -> {
            for (int i = 0; i < 1500 && !Thread.currentThread().isInterrupted(); i++) {
                gauges.refresh();
            }
        });
        refreshing.start();
        try {
            while (refreshing.isAlive()) {
                assertThat(prometheus.scrape()).contains("bk_partners{");
            }
        } finally {
            refreshing.interrupt();
            refreshing.join();
        }
    }

    @Test
    void metricsNeedAnAdministrator() {
        assertThat(rest.withBasicAuth(TestUsers.REVIEWER, TestUsers.password(TestUsers.REVIEWER))
                .getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void healthCoversTheDatabaseAndKafka() {
        var health = EngineRestClient.read(rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);
        assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).doesNotContain("clusterId");
    }
}
