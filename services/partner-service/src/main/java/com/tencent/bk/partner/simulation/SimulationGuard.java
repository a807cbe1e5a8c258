package com.tencent.bk.partner.simulation;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Refuses a simulation anywhere it does not belong: the program clock can be moved by an administrator, so the
 * profile needs {@code partner.simulation.enabled=true} as well, the {@code local} profile (demo users, embedded
 * PostgreSQL and Kafka), and no production profile.
 */
final class SimulationGuard {

    static final String ENABLED = "partner.simulation.enabled";
    private static final List<String> PRODUCTION = List.of("prod", "production");

    private SimulationGuard() {
    }

    static void check(Environment environment) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            throw new IllegalStateException("Profile 'simulation' moves the program clock: it needs " + ENABLED
                    + "=true as well");
        }
        if (!profiles.contains("local")) {
            throw new IllegalStateException("Profile 'simulation' runs only beside profile 'local', active: " + profiles);
        }
        if (profiles.stream().anyMatch(PRODUCTION::contains)) {
            throw new IllegalStateException("Profile 'simulation' never runs beside a production profile: " + profiles);
        }
    }
}
