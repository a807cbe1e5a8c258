package com.tencent.bk.partner.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking an account. Failures are counted per (client address,
 * user id), not per user: a stranger guessing the website's password is refused, temporarily and with a delay
 * that doubles with each failure up to {@code maxDelay}, while the website itself, from its own address, still
 * logs in. The engine's own per-account lock is switched off (application.yml), because any anonymous caller
 * could trigger it for any account.
 * <p>
 * Memory is bounded: at most {@code maxTrackedKeys} keys, the one with the oldest failure forgotten first.
 * The client address is the socket's peer ({@code getRemoteAddr}); a forwarded-for header counts only when
 * the deployment configured a trusted proxy (server.forward-headers-strategy), never by default, since a
 * caller could put any address there and escape the throttle.
 */
@Component
class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    /** In order of last failure (access order is not needed: only failures move a key). */
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>();

    @Autowired
    LoginThrottle(LoginThrottleProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant refusedUntil) {
    }

    /** How long this client must still wait before it may try this user's password again, if at all. */
    synchronized Optional<Duration> refusal(String client, String user) {
        Instant now = clock.instant();
        Failures known = failures.get(key(client, user));
        if (known == null || !known.refusedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, known.refusedUntil()));
    }

    synchronized void failed(String client, String user) {
        Instant now = clock.instant();
        String key = key(client, user);
        Failures known = failures.remove(key);
        int count = known == null || known.last().plus(properties.forgetAfter()).isBefore(now) ? 1 : known.count() + 1;
        failures.put(key, new Failures(count, now, now.plus(delayAfter(count))));
        forgetOld(now);
    }

    synchronized void succeeded(String client, String user) {
        failures.remove(key(client, user));
    }

    synchronized int trackedKeys() {
        return failures.size();
    }

    /** Nothing for the free failures, then base, 2 × base, 4 × base … capped at maxDelay. */
    Duration delayAfter(int count) {
        int beyond = count - properties.freeFailures();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.baseDelay();
        for (int i = 1; i < beyond && delay.compareTo(properties.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private void forgetOld(Instant now) {
        Iterator<Map.Entry<String, Failures>> oldestFirst = failures.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Failures oldest = oldestFirst.next().getValue();
            boolean stale = oldest.last().plus(properties.forgetAfter()).isBefore(now);
            if (!stale && failures.size() <= properties.maxTrackedKeys()) {
                return;
            }
            oldestFirst.remove();
        }
    }

    /** Case variants of a user id share one count: guessing cannot be spread over them. */
    private static String key(String client, String user) {
        return client + ' ' + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }
}
