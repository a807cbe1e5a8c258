package com.tencent.bk.partner.simulation;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.tiering.DailyTierSweep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Moves the program clock forward and runs what the program days it crosses would have run: at each day
 * boundary, the timers due by then, then the daily tier sweep (at its hour, {@link #SWEEP_AT}), then whatever
 * the sweep made due; finally the clock stands at the requested moment with its due jobs run.
 */
@Component
@Profile("simulation")
class SimulationClock {

    private static final Logger log = LoggerFactory.getLogger(SimulationClock.class);
    /** The daily sweep's hour in production ({@code partner.tiering.sweep-cron}, 00:10 Asia/Shanghai). */
    static final LocalTime SWEEP_AT = LocalTime.of(0, 10);

    private final StoredClock clock;
    private final DueJobs jobs;
    private final DailyTierSweep sweep;
    private final Duration jobBound;

    SimulationClock(StoredClock clock, DueJobs jobs, DailyTierSweep sweep,
                    @org.springframework.beans.factory.annotation.Value("${partner.simulation.job-wait:PT60S}")
                    Duration jobBound) {
        this.clock = clock;
        this.jobs = jobs;
        this.sweep = sweep;
        this.jobBound = jobBound;
    }

    record Moved(Instant now, int daysCrossed, long dueJobsLeft) {
    }

    static final class BackwardsException extends RuntimeException {
        BackwardsException(Instant now, Instant requested) {
            super("The program clock moves forward only: it is " + now + ", " + requested + " is earlier");
        }
    }

    Instant now() {
        return clock.now();
    }

    synchronized Moved moveTo(Instant target) {
        Instant now = clock.now();
        if (target.isBefore(now)) {
            throw new BackwardsException(now, target);
        }
        LocalDate today = LocalDate.ofInstant(now, ProgramClock.PROGRAM_ZONE);
        LocalDate last = LocalDate.ofInstant(target, ProgramClock.PROGRAM_ZONE);
        int crossed = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Instant sweepAt = day.atTime(SWEEP_AT).atZone(ProgramClock.PROGRAM_ZONE).toInstant();
            if (sweepAt.isAfter(target)) {
                break;
            }
            clock.set(sweepAt);
            jobs.awaitNoneDue(jobBound);
            sweep.run(); // through the bean: its own transaction
            jobs.awaitNoneDue(jobBound);
            crossed++;
        }
        clock.set(target);
        long left = jobs.awaitNoneDue(jobBound);
        if (left > 0) {
            log.warn("Simulation: {} due job(s) still waiting {} after the clock moved to {}", left, jobBound, target);
        }
        return new Moved(target, crossed, left);
    }
}
