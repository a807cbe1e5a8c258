package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.CertificatesPassedExpiry;
import com.tencent.bk.partner.certification.Headcounts;
import org.springframework.context.ApplicationEventPublisher;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.tiering.TierEvents.HeadcountAtRisk;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (and at startup, to catch up): re-evaluates the partners whose certificates passed their expiry
 * date since the last run — they stop counting on that date even when no {@code expired} event comes — and
 * warns each partner entering the at-risk window, once per forecast date ({@code bk.partner.headcount-at-risk}).
 * <p>
 * Transactions are the sweep's own ({@link TransactionTemplate}), not an annotation: the scheduler and the
 * startup listener call into this bean from inside, where a {@code @Transactional} proxy never applies. The
 * expiry catch-up is one transaction holding the row lock on the sweep's state, so of two instances only one
 * does it (the other skips it, without waiting); each warning is one transaction of its notice row and its
 * outbound event, so they commit or roll back together and the primary key of the notice keeps it once. A sweep
 * that fails is logged and retried by the next run: it never stops the application from starting.
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
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final PartnerRegistry registry;

    DailyTierSweep(JdbcClient jdbc, Headcounts headcounts, TierReevaluation reevaluation, HeadcountForecast forecast,
                   Outbox outbox, ProgramClock clock, TieringProperties properties, TransactionTemplate transaction,
                   ApplicationEventPublisher events, PartnerRegistry registry) {
        this.registry = registry;
        this.events = events;
        this.jdbc = jdbc;
        this.headcounts = headcounts;
        this.reevaluation = reevaluation;
        this.forecast = forecast;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartup() {
        runLogged("startup");
    }

    @Scheduled(cron = "${partner.tiering.sweep-cron:0 10 0 * * *}", zone = ProgramClock.PROGRAM_ZONE_ID)
    void daily() {
        runLogged("daily");
    }

    private void runLogged(String occasion) {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("Daily tier sweep ({}) failed; the next run catches up", occasion, e);
        }
    }

    /**
     * Runs the sweep in its own transactions (it must not be called inside one).
     *
     * @return how many partners' evaluation changed because certificates expired
     */
    public int run() {
        LocalDate today = clock.today();
        Integer changed = transaction.execute(status -> catchUpExpiries(today));
        int warned = warnAtRisk();
        log.info("Daily tier sweep for {}: {} evaluation(s) changed by expiry, {} partner(s) warned of risk",
                today, changed, warned);
        return changed == null ? 0 : changed;
    }

    /** @return how many evaluations changed; 0 when another instance is doing it right now */
    private int catchUpExpiries(LocalDate today) {
        jdbc.sql("insert into program.sweep_state (name, last_day) values (?, ?) on conflict do nothing")
                .params(NAME, today.minusDays(1)).update();
        Optional<LocalDate> lastDay = jdbc.sql(
                        "select last_day from program.sweep_state where name = ? for update skip locked")
                .param(NAME).query(LocalDate.class).optional();
        if (lastDay.isEmpty()) {
            log.info("Another instance is catching up certificate expiries; this one leaves it to it");
            return 0;
        }
        if (!lastDay.get().isBefore(today)) {
            return 0;
        }
        // certificates whose last valid day was in [lastDay, today) stopped counting since the last run
        Set<String> expired = headcounts.activePartnersWithExpiries(lastDay.get(), today);
        int changed = reevaluation.reevaluate(expired, "CERTIFICATE_EXPIRY");
        events.publishEvent(new CertificatesPassedExpiry(expired));
        jdbc.sql("update program.sweep_state set last_day = ? where name = ?").params(today, NAME).update();
        return changed;
    }

    /** One transaction per partner: its notice row and its event together; one failing partner stops no other. */
    private int warnAtRisk() {
        int warned = 0;
        for (HeadcountForecast.AtRisk risk : forecast.atRisk(properties.atRiskWindow())) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> warn(risk)))) {
                    warned++;
                }
            } catch (RuntimeException e) {
                log.error("At-risk warning for {} (falls below on {}) failed; the next run retries it",
                        risk.partnerId(), risk.fallsBelowOn(), e);
            }
        }
        return warned;
    }

    private boolean warn(HeadcountForecast.AtRisk risk) {
        // the forecast was read before, without locks: a partnership that ended since is not warned
        if (!registry.holdIfActive(risk.partnerId())) {
            return false;
        }
        boolean first = jdbc.sql("""
                        insert into program.at_risk_notice (partner_id, falls_below_on, notified_at)
                        values (?, ?, ?) on conflict do nothing
                        """)
                .params(risk.partnerId(), risk.fallsBelowOn(), Timestamp.from(clock.now())).update() == 1;
        if (first) {
            outbox.publish(new HeadcountAtRisk(risk.partnerId(), risk.fallsBelowOn(), risk.certificateIds()));
        }
        return first;
    }
}
