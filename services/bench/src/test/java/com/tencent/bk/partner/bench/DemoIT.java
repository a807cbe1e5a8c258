package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code scripts/demo} against a real service: every step of the story happens (the demo waits for each), the
 * tasks it leaves for the newcomer are there, {@code /actuator/prometheus} moves as it runs, and the closing guide
 * names each company it created with the status the API really shows, and where to follow it.
 */
@ExtendWith(SharedStack.class)
class DemoIT {

    /** Writes to the console and keeps a copy, so the test reads what the demo printed. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void theStoryRunsAndTheMetricsFollowIt(FaultStack stack) {
        ServiceInstance service = stack.running();
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
        // a stack the other fault tests share: what they left counts in the gauges and counters already
        String before = service.api().metrics();

        String printed;
        List<Demo.Company> companies;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeOutputStream(stdout, captured), true, StandardCharsets.UTF_8));
        try {
            companies = new Demo(service.api(), stack.bootstrapServers()).run("http://localhost:8080");
        } finally {
            System.setOut(stdout);
        }
        printed = captured.toString(StandardCharsets.UTF_8);
        for (Demo.Ending ending : Demo.endings(companies)) {
            String id = ending.company().partnerId();
            assertThat(printed).as("the guide names " + id).contains(
                    id + "  " + String.format("%-10s  %-16s", ending.company().type(), ending.status()),
                    "curl -u website:website-local http://localhost:8080/api/partners/" + id);
            assertThat(service.api().partner(id).path("status").asText()).as("status the guide promises for " + id)
                    .isEqualTo(ending.status());
        }
        assertThat(printed).contains("http://localhost:8080/camunda/app/tasklist/  log in as manager / manager-local",
                "BK_KAFKA_BOOTSTRAP=" + stack.bootstrapServers() + " scripts/kafka-read bk.partner.events | grep -e "
                        + companies.get(0).partnerId());

        FaultScenario.await("the gauges to follow", java.time.Duration.ofSeconds(30), () -> {
            String after = service.api().metrics();
            return value(after, activeLevel3) == value(before, activeLevel3) + 1
                    && value(after, activeEducation) == value(before, activeEducation) + 1;
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
