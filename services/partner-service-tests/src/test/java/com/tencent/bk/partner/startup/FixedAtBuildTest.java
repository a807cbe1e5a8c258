package com.tencent.bk.partner.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Operators' switches the ahead-of-time definitions would ignore are refused before anything starts. */
class FixedAtBuildTest {

    @Test
    void aProfileThatAddsBeansIsRefused() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local", "simulation");
        assertThatThrownBy(() -> FixedAtBuild.check(environment, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profile 'simulation'")
                .hasMessageContaining("BK_SPRING_AOT=false");
    }

    @Test
    void switchingOffJobsWebappsOrMigrationsIsRefusedNotIgnored() {
        for (String name : new String[]{"camunda.bpm.job-execution.enabled", "camunda.bpm.webapp.enabled",
                "spring.flyway.enabled"}) {
            MockEnvironment environment = new MockEnvironment().withProperty(name, "false");
            assertThatThrownBy(() -> FixedAtBuild.check(environment, true)).as(name)
                    .hasMessageContaining(name + "=false");
        }
        assertThatThrownBy(() -> FixedAtBuild.check(new MockEnvironment()
                .withProperty("management.server.port", "9090"), true)).hasMessageContaining("management.server.port");
        assertThatThrownBy(() -> FixedAtBuild.check(new MockEnvironment()
                .withProperty("server.forward-headers-strategy", "framework"), true))
                .hasMessageContaining("forward-headers-strategy=framework");
    }

    @Test
    void whatTheDefinitionsHonourStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.job-execution.enabled", "TRUE")
                .withProperty("camunda.bpm.job-execution.lock-time-in-millis", "15000")
                .withProperty("springdoc.api-docs.enabled", "false")
                .withProperty("server.forward-headers-strategy", "native");
        environment.setActiveProfiles("local", "prod");
        assertThatCode(() -> FixedAtBuild.check(environment, true)).doesNotThrowAnyException();
    }

    @Test
    void withoutTheDefinitionsEverythingStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.job-execution.enabled", "false");
        environment.setActiveProfiles("simulation");
        assertThatCode(() -> FixedAtBuild.check(environment, false)).doesNotThrowAnyException();
    }
}
