package com.tencent.bk.partner.simulation;

import java.util.Random;
import java.util.TreeMap;

/**
 * When the service is killed hard (SIGKILL) and started again: R distinct program days, each at one of three
 * moments of the day — right after the clock moved, right after the day's events were sent (before the service
 * took them in), or after the people worked their tasks. Drawn from the run's Random up front.
 */
final class Restarts {

    enum Moment { AFTER_CLOCK, AFTER_EVENTS, AFTER_TASKS }

    private final TreeMap<Integer, Moment> planned = new TreeMap<>();
    private int done;
    private int failed;

    Restarts(int count, int days, Random random) {
        int first = Math.min(10, Math.max(1, days / 4));
        while (planned.size() < Math.min(count, Math.max(0, days - first))) {
            planned.put(first + random.nextInt(Math.max(1, days - first)),
                    Moment.values()[random.nextInt(Moment.values().length)]);
        }
    }

    boolean due(int day, Moment moment) {
        return planned.get(day) == moment;
    }

    /** Kills the service and starts it again; false when it did not come up. */
    boolean restart(Stack stack) {
        stack.killService();
        try {
            stack.startService();
            done++;
            return true;
        } catch (RuntimeException e) {
            failed++;
            return false;
        }
    }

    int done() {
        return done;
    }

    int failed() {
        return failed;
    }

    String plan() {
        return planned.isEmpty() ? "none" : planned.toString();
    }
}
