package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), 100),
            clock);

    @Test
    void delayDoublesAfterTheFreeFailuresAndIsCapped() {
        assertThat(throttle.delayAfter(3)).isZero();
        assertThat(throttle.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(8)).isEqualTo(Duration.ofSeconds(16));
        assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyRefusalEndsByItselfAndConcernsOnlyTheFailingClient() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.66", "website");
            now = now.plus(throttle.refusal("10.0.0.66", "website").orElse(Duration.ZERO));
        }
        throttle.failed("10.0.0.66", "website");

        assertThat(throttle.refusal("10.0.0.66", "website")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("10.0.0.66", "WEBSITE")).as("case variants share a count").isPresent();
        assertThat(throttle.refusal("10.0.0.7", "website")).isEmpty();
        assertThat(throttle.refusal("10.0.0.66", "rita")).isEmpty();
        now = now.plusSeconds(30);
        assertThat(throttle.refusal("10.0.0.66", "website")).isEmpty();
    }

    @Test
    void successClearsAndQuietKeysAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.66", "website");
        }
        throttle.succeeded("10.0.0.66", "website");
        throttle.failed("10.0.0.66", "website");
        assertThat(throttle.refusal("10.0.0.66", "website")).as("counting starts again").isEmpty();

        now = now.plus(Duration.ofHours(2));
        throttle.failed("10.0.0.9", "rita");
        assertThat(throttle.trackedKeys()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByTheOldestFailureGoingFirst() {
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("10.0.0.66", "user" + i);
        }

        assertThat(throttle.trackedKeys()).isEqualTo(100);
    }
}
