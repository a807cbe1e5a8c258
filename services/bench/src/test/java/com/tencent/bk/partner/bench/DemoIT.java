package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/demo} against a real service: every step of the story happens (the demo waits for each), the
 * tasks it leaves for the newcomer are there, and {@code /actuator/prometheus} moves as it runs.
 */
class DemoIT {

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void theStoryRunsAndTheMetricsFollowIt() {
        try (FaultStack stack = FaultStack.fresh("demo")) {
            ServiceInstance service = stack.startService("--partner.metrics.refresh=PT1S");
            String granted = "bk_events_consumed_total{outcome=\"applied\",topic=\"bk.certification.events\","
                    + "type=\"bk.certification.granted\"}";
            String revoked = "bk_events_consumed_total{outcome=\"applied\",topic=\"bk.certification.events\","
                    + "type=\"bk.certification.revoked\"}";
            String paid = "bk_events_consumed_total{outcome=\"applied\",topic=\"bk.payment.events\","
                    + "type=\"bk.payment.received\"}";
            String violations = "bk_events_consumed_total{outcome=\"applied\",topic=\"bk.compliance.events\","
                    + "type=\"bk.compliance.violation-reported\"}";
            String activeLevel3 = "bk_partners{level=\"LEVEL_3\",status=\"ACTIVE\",type=\"ENTERPRISE\"}";
            String activeEducation = "bk_partners{level=\"NONE\",status=\"ACTIVE\",type=\"EDUCATION\"}";
            String before = service.api().metrics();
            assertThat(value(before, activeLevel3)).isZero();

            List<Demo.Company> companies = new Demo(service.api(), stack.bootstrapServers())
                    .run("http://localhost");

            FaultScenario.await("the gauges to follow", java.time.Duration.ofSeconds(30), () -> {
                String after = service.api().metrics();
                return value(after, activeLevel3) == 1 && value(after, activeEducation) == 1;
            });
            String after = service.api().metrics();
            assertThat(value(after, granted) - value(before, granted)).as("certifications applied")
                    .isGreaterThanOrEqualTo(300 + 5 + 5 + 2 + 1 + 1 + 1 + 3 + 3);
            assertThat(value(after, revoked) - value(before, revoked)).isEqualTo(1);
            assertThat(value(after, paid) - value(before, paid)).isEqualTo(1);
            assertThat(value(after, violations) - value(before, violations)).isEqualTo(1);
            assertThat(service.api().taskIds(ServiceApi.MANAGER, "follow-up-shortfall",
                    List.of(companies.get(1).partnerId()))).as("left for the newcomer").hasSize(1);
            assertThat(service.api().taskIds(ServiceApi.MANAGER, "confirm-termination",
                    List.of(companies.get(2).partnerId()))).as("left for the newcomer").hasSize(1);
        }
    }
}
