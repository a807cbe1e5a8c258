package com.tencent.bk.partner.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The short simulation of the build: 60 companies of every type and level over two program years (two renewal
 * checks, courses and leads included) with two hard restarts of the service, on embedded PostgreSQL and Kafka;
 * any violation of an invariant fails the build, naming seed and day. Longer and larger runs: scripts/simulate.
 */
class ShortSimulationIT {

    @Test
    void twoProgramYearsOfSixtyCompaniesWithTwoRestartsKeepEveryInvariant() {
        SimulationOptions options = new SimulationOptions(60, 2, 20_300_101L, 2, 1, LocalDate.of(2030, 1, 1),
                Path.of("target", "simulation-short").toAbsolutePath(), null);
        Report.Summary summary = Simulate.run(options);
        assertThat(summary.restarts()).as("the service started after every restart").isEqualTo(2);
        assertThat(summary.violations()).as("violations of seed %d (replay: %s)", options.seed(), options.command())
                .isEmpty();
    }
}
