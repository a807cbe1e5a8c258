package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token buckets' arithmetic, on a clock the test moves. */
class ClientRateLimitTest {

    private Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    // 3 at once, then one every 2 s
    private final ClientRateLimit limit = new ClientRateLimit(new FinderProperties.RateLimit(3, 30, 100), clock);

    @Test
    void theBurstIsServedThenOneRequestPerRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("10.0.0.1")).isEmpty();
        }
        assertThat(limit.take("10.0.0.1")).contains(Duration.ofSeconds(2));
        now = now.plusMillis(1500);
        assertThat(limit.take("10.0.0.1")).contains(Duration.ofMillis(500));
        now = now.plusMillis(500);
        assertThat(limit.take("10.0.0.1")).isEmpty();
        assertThat(limit.take("10.0.0.1")).isPresent();
    }

    @Test
    void eachClientHasItsOwnBucketAndAQuietOneFillsUpToTheBurstOnly() {
        for (int i = 0; i < 3; i++) {
            limit.take("10.0.0.1");
        }
        assertThat(limit.take("10.0.0.1")).isPresent();
        assertThat(limit.take("10.0.0.2")).isEmpty();

        now = now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("10.0.0.1")).isEmpty();
        }
        assertThat(limit.take("10.0.0.1")).as("no more than the burst after a long pause").isPresent();
    }

    @Test
    void memoryIsBoundedByForgettingTheClientSeenLongestAgo() {
        for (int i = 0; i < 1_000; i++) {
            limit.take("10.0.%d.%d".formatted(i / 256, i % 256));
        }
        assertThat(limit.trackedClients()).isEqualTo(100);
    }
}
