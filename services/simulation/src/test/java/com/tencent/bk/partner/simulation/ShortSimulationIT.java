package com.tencent.bk.partner.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The short simulation of the build: 40 companies of every type and level over a program year and a half (the
 * Trial deadline, a renewal of every early partner, six quarterly audits, fee, grace, course and referral
 * deadlines, courses and leads included) with two hard restarts of the service, on embedded PostgreSQL and
 * Kafka; any violation of an invariant fails the build, naming seed and day. It is sized for the build's ten
 * minutes; longer and larger runs (a second renewal, hundreds of companies): scripts/simulate.
 */
class ShortSimulationIT {

    @Test
    void aProgramYearAndAHalfOfFortyCompaniesWithTwoRestartsKeepsEveryInvariant() {
        SimulationOptions options = new SimulationOptions(40, 1.5, 20_300_101L, 2, 1, LocalDate.of(2030, 1, 1),
                Path.of("target", "simulation-short").toAbsolutePath(), null);
        Report.Summary summary = Simulate.run(options);
        assertThat(summary.restarts()).as("the service started after every restart").isEqualTo(2);
        assertThat(summary.violations()).as("violations of seed %d (replay: %s)", options.seed(), options.command())
                .isEmpty();
    }
}
