package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.tiering.TierEvents.HeadcountAtRisk;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day (and at startup, to catch up): re-evaluates the partners whose certificates passed their expiry
 * date since the last run — they stop counting on that date even when no {@code expired} event comes — and
 * warns each partner entering the at-risk window, once per forecast date ({@code bk.partner.headcount-at-risk}).
 * Concurrent instances take turns through a row lock on the sweep's state.
 */
@Component
public class DailyTierSweep {

    private static final Logger log = LoggerFactory.getLogger(DailyTierSweep.class);
    private static final String NAME = "daily-tier-sweep";

    private final JdbcClient jdbc;
    private final Headcounts headcounts;
    private final TierReevaluation reevaluation;
    private final HeadcountForecast forecast;
    private final Outbox outbox;
    private final ProgramClock clock;
    private final TieringProperties properties;

    DailyTierSweep(JdbcClient jdbc, Headcounts headcounts, TierReevaluation reevaluation, HeadcountForecast forecast,
                   Outbox outbox, ProgramClock clock, TieringProperties properties) {
        this.jdbc = jdbc;
        this.headcounts = headcounts;
        this.reevaluation = reevaluation;
        this.forecast = forecast;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartup() {
        run();
    }

    @Scheduled(cron = "${partner.tiering.sweep-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        run();
    }

    /** @return how many partners' evaluation changed because certificates expired */
    @Transactional
    public int run() {
        LocalDate today = clock.today();
        jdbc.sql("insert into program.sweep_state (name, last_day) values (?, ?) on conflict do nothing")
                .params(NAME, today.minusDays(1)).update();
        LocalDate lastDay = jdbc.sql("select last_day from program.sweep_state where name = ? for update")
                .param(NAME).query(LocalDate.class).single();
        int changed = 0;
        if (lastDay.isBefore(today)) {
            // certificates whose last valid day was in [lastDay, today) stopped counting since the last run
            Set<String> expired = headcounts.activePartnersWithExpiries(lastDay, today);
            changed = reevaluation.reevaluate(expired, "CERTIFICATE_EXPIRY");
            jdbc.sql("update program.sweep_state set last_day = ? where name = ?").params(today, NAME).update();
        }
        int warned = warnAtRisk();
        log.info("Daily tier sweep for {}: {} evaluation(s) changed by expiry, {} partner(s) warned of risk",
                today, changed, warned);
        return changed;
    }

    private int warnAtRisk() {
        int warned = 0;
        for (HeadcountForecast.AtRisk risk : forecast.atRisk(properties.atRiskWindow())) {
            boolean first = jdbc.sql("""
                            insert into program.at_risk_notice (partner_id, falls_below_on, notified_at)
                            values (?, ?, ?) on conflict do nothing
                            """)
                    .params(risk.partnerId(), risk.fallsBelowOn(), Timestamp.from(clock.now())).update() == 1;
            if (first) {
                outbox.publish(new HeadcountAtRisk(risk.partnerId(), risk.fallsBelowOn(), risk.certificateIds()));
                warned++;
            }
        }
        return warned;
    }
}
