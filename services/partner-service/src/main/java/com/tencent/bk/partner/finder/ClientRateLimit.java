package com.tencent.bk.partner.finder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address, in this process: each request takes a token, a full bucket holds
 * {@code burst}, and tokens come back at {@code perMinute}. In-process on purpose: one instance of the service
 * serves the finder; several instances would each allow the rate (a shared store is not worth it for this).
 * Memory is bounded: beyond {@code maxTrackedClients}, the client seen longest ago is forgotten (it starts
 * again with a full bucket). The address is the socket's peer, as for the login throttle.
 */
@Component
class ClientRateLimit {

    private final FinderProperties.RateLimit limit;
    private final Clock clock;
    /** A token's worth of time: tokens are kept as nanoseconds of credit, so the arithmetic is exact. */
    private final long nanosPerToken;
    private final long fullBucket;
    private final LinkedHashMap<String, Bucket> buckets;

    /** The system clock, unless the context has a {@link Clock} bean (tests hold time still with one). */
    @Autowired
    ClientRateLimit(FinderProperties properties, ObjectProvider<Clock> clock) {
        this(properties.rateLimit(), clock.getIfAvailable(Clock::systemUTC));
    }

    ClientRateLimit(FinderProperties.RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / limit.perMinute();
        this.fullBucket = nanosPerToken * limit.burst();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limit.maxTrackedClients();
            }
        };
    }

    private record Bucket(long credit, Instant at) {
    }

    /** Takes a token for this client; empty when it may go ahead, else how long until it may. */
    synchronized Optional<Duration> take(String client) {
        Instant now = clock.instant();
        Bucket bucket = buckets.get(client);
        long credit = bucket == null ? fullBucket
                : Math.min(fullBucket, bucket.credit() + Math.max(0, Duration.between(bucket.at(), now).toNanos()));
        if (credit >= nanosPerToken) {
            buckets.put(client, new Bucket(credit - nanosPerToken, now));
            return Optional.empty();
        }
        buckets.put(client, new Bucket(credit, now));
        return Optional.of(Duration.ofNanos(nanosPerToken - credit));
    }

    synchronized int trackedClients() {
        return buckets.size();
    }
}
