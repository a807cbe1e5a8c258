package com.tencent.bk.partner.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboard ({@code services/monitoring/}) loads as a dashboard, and every query of
 * every panel names metrics this service actually exports on {@code /actuator/prometheus}.
 */
class DashboardTest extends ServiceIntegrationTest {

    private static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "dashboards", "partner-program.json");
    /** Metric names in PromQL: the exported families, never functions, labels or keywords. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:bk|jvm|process|kafka|hikaricp)_[a-z_]+)\\b");

    @Test
    void everyPanelQueriesAMetricTheServiceExports() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("panels")).isNotEmpty();

        // something consumed, so the latency histogram and consumer metrics have series
        String partnerId = Companies.newPartnerId();
        certify(partnerId, "dashboard", "DEVELOPMENT", null, null);
        awaitConsumed(partnerId);

        Set<String> queried = new LinkedHashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as("panel %s has queries", panel.path("title")).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Matcher metrics = METRIC.matcher(target.path("expr").asText());
                assertThat(metrics.find()).as("panel %s queries a metric of the service", panel.path("title"))
                        .isTrue();
                do {
                    queried.add(metrics.group(1));
                } while (metrics.find());
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                    .getForEntity("/actuator/prometheus", String.class).getBody();
            assertThat(queried).allSatisfy(metric -> assertThat(scrape)
                    .as("exported: " + metric).containsPattern("(?m)^" + metric + "[{ ]"));
        });
    }
}
