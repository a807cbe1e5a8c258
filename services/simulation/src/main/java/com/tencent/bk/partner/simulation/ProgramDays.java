package com.tencent.bk.partner.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.bench.LagMonitor;
import com.tencent.bk.partner.bench.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulation's side of the program clock: moves the service's clock to a day's 00:30 in Asia/Shanghai (the
 * service runs the timers and the daily sweep of every day boundary crossed), and waits until the service is idle:
 * consumer lag 0 on the inbound topics, no due job left, the outbox drained.
 */
final class ProgramDays {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final LocalTime MOMENT = LocalTime.of(0, 30);
    private static final List<String> INBOUND = List.of(InboundEvents.CERTIFICATIONS, InboundEvents.PAYMENTS,
            InboundEvents.COMPLIANCE);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 80;

    private final LagMonitor lag;
    private final ReadOnlyDatabase db;
    private Instant now;

    ProgramDays(LagMonitor lag, ReadOnlyDatabase db) {
        this.lag = lag;
        this.db = db;
    }

    Instant now() {
        return now;
    }

    /** What the service's clock says (after a hard restart, still where the simulation last moved it). */
    Instant read(ServiceHttp http) {
        return Instant.parse(http.send("admin", "GET", "/api/simulation/clock", null).json().path("now").asText());
    }

    /**
     * Tries what the clock must refuse: a move by a user who is not an administrator, and a move backwards.
     *
     * @return what it did not refuse as it should; empty when both were refused
     */
    List<String> guardsBroken(ServiceHttp http) {
        List<String> broken = new ArrayList<>();
        OffsetDateTime current = now.atOffset(CHINA);
        int byManager = http.send("manager", "POST", "/api/simulation/clock",
                "{\"now\":\"" + current.plusYears(1) + "\"}").status();
        if (byManager != 403) {
            broken.add("a manager moving the clock got " + byManager + ", not 403");
        }
        int backwards = http.send("admin", "POST", "/api/simulation/clock",
                "{\"now\":\"" + current.minusDays(1) + "\"}").status();
        if (backwards != 409) {
            broken.add("moving the clock back a day got " + backwards + ", not 409");
        }
        if (!read(http).equals(now)) {
            broken.add("the refused moves changed the clock to " + read(http) + " from " + now);
        }
        return broken;
    }

    Instant moveTo(ServiceHttp http, LocalDate day) {
        OffsetDateTime target = OffsetDateTime.of(day, MOMENT, CHINA);
        JsonNode moved = http.moveClock(target);
        now = Instant.parse(moved.path("now").asText());
        return now;
    }

    /**
     * One pass suffices when it looks in the order work flows: an inbound record is acknowledged only after the
     * transaction that applied it (and created its jobs and outbox rows) committed; a job is deleted in the
     * transaction that creates its successor jobs and outbox rows.
     *
     * @return true when idle, false when the service did not settle within three minutes
     */
    boolean awaitIdle(ServiceHttp http) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (System.nanoTime() < deadline) {
            if (idleNow(http)) {
                return true;
            }
            Sleep.millis(pause);
            // a look costs the broker, the service and PostgreSQL a request each: look often only at first
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 3 / 2);
        }
        return false;
    }

    private boolean idleNow(ServiceHttp http) {
        try {
            return lag.lag(INBOUND) == 0 && http.idle().path("dueJobs").asLong() == 0
                    && db.count("select count(*) from program.outbox_event where published_at is null") == 0;
        } catch (RuntimeException notYet) {
            return false; // a topic not created yet, the service restarting
        }
    }
}
