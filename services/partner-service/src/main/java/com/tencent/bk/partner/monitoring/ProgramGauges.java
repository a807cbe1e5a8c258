package com.tencent.bk.partner.monitoring;

import com.tencent.bk.partner.tiering.HeadcountForecast;
import com.tencent.bk.partner.tiering.TieringProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state of the programme as gauges, read from the registry on a schedule ({@code partner.metrics.refresh},
 * default 30 s) rather than on every scrape, so a scrape never waits for the database.
 *
 * <p>Each partner series is one gauge registered once, whose value a refresh sets. Re-registering them (as
 * {@code MultiGauge} with overwrite does) lets a concurrent Prometheus scrape see a series twice and fail
 * (micrometer#6851).
 */
@Component
class ProgramGauges {

    private static final Logger log = LoggerFactory.getLogger(ProgramGauges.class);

    private final JdbcClient jdbc;
    private final HeadcountForecast forecast;
    private final TieringProperties tiering;
    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> partners = new ConcurrentHashMap<>();
    private final AtomicLong atRisk = new AtomicLong();
    private final AtomicLong outboxBacklog = new AtomicLong();

    ProgramGauges(JdbcClient jdbc, HeadcountForecast forecast, TieringProperties tiering, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.forecast = forecast;
        this.tiering = tiering;
        this.registry = registry;
        everyCombinationAtZero().keySet().forEach(this::partnersGauge);
        Gauge.builder("bk.partners.at.risk", atRisk, AtomicLong::get)
                .description("Active partners whose headcount falls below their minimum within the at-risk window")
                .register(registry);
        Gauge.builder("bk.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Outbound events committed but not yet published").register(registry);
    }

    /** Every type, level and status a partner can have, so a series reads 0 rather than missing. */
    private static Map<Tags, Long> everyCombinationAtZero() {
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (PartnerType type : PartnerType.values()) {
            List<String> levels = type == PartnerType.ENTERPRISE
                    ? Arrays.stream(PartnerLevel.values()).map(Enum::name).toList() : List.of("NONE");
            for (String level : levels) {
                for (PartnerStatus status : PartnerStatus.values()) {
                    counts.put(tags(type.name(), level, status.name()), 0L);
                }
            }
        }
        return counts;
    }

    private static Tags tags(String type, String level, String status) {
        return Tags.of("type", type, "level", level, "status", status);
    }

    private AtomicLong partnersGauge(Tags series) {
        return partners.computeIfAbsent(series, tags -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("bk.partners", value, AtomicLong::get).description("Partners by type, level and status")
                    .tags(tags).register(registry);
            return value;
        });
    }

    @Scheduled(initialDelayString = "${partner.metrics.refresh:PT30S}", fixedDelayString = "${partner.metrics.refresh:PT30S}")
    void refresh() {
        try {
            Map<Tags, Long> counts = everyCombinationAtZero();
            jdbc.sql("""
                            select type, coalesce(level, 'NONE'), status, count(*) from program.partner
                            group by type, level, status""")
                    .query(rs -> {
                        counts.put(tags(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                    });
            counts.forEach((series, count) -> partnersGauge(series).set(count));
            outboxBacklog.set(jdbc.sql("select count(*) from program.outbox_event where published_at is null")
                    .query(Long.class).single());
            atRisk.set(forecast.atRisk(tiering.atRiskWindow()).size());
        } catch (RuntimeException e) {
            log.warn("Could not refresh the programme gauges: {}", e.getMessage());
        }
    }
}
