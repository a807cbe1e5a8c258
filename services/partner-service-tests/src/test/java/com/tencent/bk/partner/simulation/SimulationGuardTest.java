package com.tencent.bk.partner.simulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SimulationGuardTest {

    @Test
    void theSimulationProfileAloneIsRefused() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local", "simulation");
        assertThatThrownBy(() -> SimulationGuard.check(environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("partner.simulation.enabled=true");
    }

    @Test
    void aSimulationOutsideTheLocalProfileIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("partner.simulation.enabled", "true");
        environment.setActiveProfiles("simulation");
        assertThatThrownBy(() -> SimulationGuard.check(environment)).hasMessageContaining("'local'");
    }

    @Test
    void aSimulationBesideAProductionProfileIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("partner.simulation.enabled", "true");
        environment.setActiveProfiles("local", "simulation", "prod");
        assertThatThrownBy(() -> SimulationGuard.check(environment)).hasMessageContaining("production");
    }

    @Test
    void anEnabledLocalSimulationStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("partner.simulation.enabled", "true");
        environment.setActiveProfiles("local", "simulation");
        assertThatCode(() -> SimulationGuard.check(environment)).doesNotThrowAnyException();
    }
}
