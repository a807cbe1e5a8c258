package com.tencent.bk.partner.simulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine clock of a simulation and its row in {@code program.simulation_clock}. The clock stands still
 * between moves (ClockUtil's fixed time): a simulated day is exactly what the simulation says it is.
 */
@Component
@Profile("simulation")
class StoredClock {

    private static final Logger log = LoggerFactory.getLogger(StoredClock.class);

    private final JdbcClient jdbc;

    StoredClock(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    Optional<Instant> stored() {
        return jdbc.sql("select now from program.simulation_clock where id = 1").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    void restore() {
        stored().ifPresentOrElse(now -> {
            ClockUtil.setCurrentTime(Date.from(now));
            log.info("Simulation: program clock restored to {}", now);
        }, () -> log.info("Simulation: no program clock stored yet; the engine clock is the wall clock until moved"));
    }

    Instant now() {
        return ClockUtil.now().toInstant();
    }

    /** Sets the engine clock and stores it; the caller checked it moves forward. */
    void set(Instant now) {
        jdbc.sql("""
                        insert into program.simulation_clock (id, now, moved_at) values (1, ?, ?)
                        on conflict (id) do update set now = excluded.now, moved_at = excluded.moved_at""")
                .params(Timestamp.from(now), Timestamp.from(Instant.now())).update();
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
