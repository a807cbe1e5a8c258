package com.tencent.bk.partner.simulation;

import java.sql.Timestamp;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs that are due on the program clock (timers, async continuations) and that this instance's job
 * executor can run: not yet locked, locked by a lock that has expired, or being run here now. A job locked by an
 * instance that died stays out of the count until its lock expires on the program clock (the next day).
 * The job executor backs off up to a minute when idle: moving the clock wakes it.
 */
@Component
@Profile("simulation")
class DueJobs {

    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final StoredClock clock;

    DueJobs(JdbcClient jdbc, ProcessEngine engine, StoredClock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    long count() {
        Timestamp now = Timestamp.from(clock.now());
        return jdbc.sql("""
                        select count(*) from act_ru_job
                        where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= ?)
                          and (lock_exp_time_ is null or lock_exp_time_ <= ? or lock_owner_ = ?)""")
                .params(now, now, jobExecutor().getLockOwner()).query(Long.class).single();
    }

    /** Jobs that have failed for good (no retries left): each is an incident. */
    long failed() {
        return jdbc.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single();
    }

    /** Wakes the job executor and waits until no due job is left, at most {@code bound}; returns those left. */
    long awaitNoneDue(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        long due;
        while ((due = count()) > 0 && System.nanoTime() < deadline) {
            jobExecutor().jobWasAdded();
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return due;
            }
        }
        return due;
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
