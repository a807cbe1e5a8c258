package com.tencent.bk.partner.finder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the public finder ({@code partner.public}). */
@ConfigurationProperties("partner.public")
record FinderProperties(RateLimit rateLimit) {

    FinderProperties {
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    }

    /**
     * A token bucket per client address on {@code /api/public/**}.
     *
     * @param burst             requests a client may make at once (the bucket's size)
     * @param perMinute         requests a client may make per minute after that (the bucket's refill)
     * @param maxTrackedClients bound of the memory: beyond it, the client seen longest ago is forgotten
     */
    record RateLimit(Integer burst, Integer perMinute, Integer maxTrackedClients) {

        RateLimit {
            burst = burst == null ? 60 : burst;
            perMinute = perMinute == null ? 120 : perMinute;
            maxTrackedClients = maxTrackedClients == null ? 10_000 : maxTrackedClients;
            if (burst < 1 || perMinute < 1 || maxTrackedClients < 1) {
                throw new IllegalArgumentException("partner.public.rate-limit: burst, per-minute and "
                        + "max-tracked-clients must be at least 1");
            }
        }
    }
}
