package com.tencent.bk.partner.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProfilesFixedAtBuildTest {

    @Test
    void onAheadOfTimeBeansAProfileThatAddsBeansIsRefused() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local", "simulation");
        assertThatThrownBy(() -> ProfilesFixedAtBuild.check(environment, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[simulation]")
                .hasMessageContaining("BK_SPRING_AOT=false");
    }

    @Test
    void profilesThatOnlyBringPropertiesStartOnThem() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local", "prod");
        assertThatCode(() -> ProfilesFixedAtBuild.check(environment, true)).doesNotThrowAnyException();
    }

    @Test
    void withoutThemEveryProfileStarts() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local", "simulation");
        assertThatCode(() -> ProfilesFixedAtBuild.check(environment, false)).doesNotThrowAnyException();
    }
}
