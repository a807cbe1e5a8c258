package com.tencent.bk.partner.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The {@link Clock} bean of the tests' context: the system clock, until a test holds it still, so that what
 * depends on elapsed time (the public finder's token buckets) does not depend on how busy the machine is.
 */
public final class StoppableClock extends Clock {

    private volatile Instant stoppedAt;

    /** Holds time at now until {@link #run()}. */
    public void stop() {
        stoppedAt = Instant.now();
    }

    public void run() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("one zone is enough for the tests");
    }
}
