package com.tencent.bk.partner.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed down, per client address and user id (see {@link LoginThrottle}).
 *
 * @param freeFailures   failures in a row a key may have before it is refused (a typo or two never waits)
 * @param baseDelay      the first refusal; each further failure doubles it
 * @param maxDelay       the longest refusal: every throttle ends by itself within this
 * @param forgetAfter    a key quiet for this long starts again from zero
 * @param maxTrackedKeys bound of the memory: beyond it, the key with the oldest failure is forgotten
 */
@ConfigurationProperties("partner.security.login-throttle")
record LoginThrottleProperties(Integer freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter,
                               Integer maxTrackedKeys) {

    LoginThrottleProperties {
        freeFailures = freeFailures == null ? 5 : freeFailures;
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        maxTrackedKeys = maxTrackedKeys == null ? 10_000 : maxTrackedKeys;
        if (freeFailures < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxTrackedKeys < 1) {
            throw new IllegalArgumentException("partner.security.login-throttle: need free-failures >= 0, "
                    + "0 <= base-delay <= max-delay, max-tracked-keys >= 1");
        }
    }
}
