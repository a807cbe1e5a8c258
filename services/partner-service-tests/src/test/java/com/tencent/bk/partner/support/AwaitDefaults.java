package com.tencent.bk.partner.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * How the tests' waits look: at once, then after 10, 20, 40 … ms up to every 200 ms. Awaitility's default looks
 * first after 100 ms and then every 100 ms, and most awaited effects (an event applied, a task created) are there
 * within a few tens of milliseconds; a wait that takes longer costs no more looks than before.
 */
final class AwaitDefaults {

    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

    private AwaitDefaults() {
    }

    static void apply() {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(new IterativePollInterval(
                previous -> previous.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE
                        : previous.multipliedBy(2), FIRST_PAUSE));
    }
}
