package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every tier decision, newest first, and each partner's last result. */
@Repository
public class EvaluationLog {

    private final JdbcClient jdbc;

    EvaluationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one decision and makes it the partner's last result; returns its id. */
    long record(Evaluation evaluation) {
        return recordAll(List.of(evaluation)).get(evaluation.partnerId());
    }

    /**
     * Records decisions about distinct partners and makes each its partner's last result, in two statements of
     * constant text whatever their number (arrays, prepared once by the server): a poll of certification events
     * can change hundreds of partners' results.
     *
     * @return each partner's new evaluation id
     */
    Map<String, Long> recordAll(List<Evaluation> decisions) {
        Map<String, Long> ids = new HashMap<>();
        if (decisions.isEmpty()) {
            return ids;
        }
        // one update per partner: of two rows for a partner, PostgreSQL would apply either
        if (decisions.stream().map(Evaluation::partnerId).distinct().count() != decisions.size()) {
            throw new IllegalArgumentException("Decisions recorded together must be about distinct partners");
        }
        jdbc.sql("""
                        insert into program.evaluation (partner_id, evaluated_at, trigger, partner_type, current_level,
                            automation_service, automation_usage, development, required_automation_service,
                            required_automation_usage, required_development, qualifying_level, outcome, rule_version)
                        select * from unnest(?::varchar[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::varchar[], ?::varchar[],
                            ?::varchar[])
                        returning partner_id, evaluation_id
                        """)
                .params(column(decisions, Evaluation::partnerId),
                        column(decisions, e -> e.evaluatedAt().truncatedTo(ChronoUnit.MICROS).toString()),
                        column(decisions, Evaluation::trigger),
                        column(decisions, e -> e.type().name()),
                        column(decisions, e -> name(e.currentLevel())),
                        numbers(decisions, e -> e.headcount().automationService()),
                        numbers(decisions, e -> e.headcount().automationUsage()),
                        numbers(decisions, e -> e.headcount().development()),
                        numbers(decisions, e -> e.required().automationService()),
                        numbers(decisions, e -> e.required().automationUsage()),
                        numbers(decisions, e -> e.required().development()),
                        column(decisions, e -> name(e.qualifyingLevel())),
                        column(decisions, e -> e.outcome().name()),
                        column(decisions, Evaluation::ruleVersion))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        jdbc.sql("""
                        update program.partner p set evaluation_outcome = d.outcome, qualifying_level = d.level
                        from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as d(partner_id, outcome, level)
                        where p.partner_id = d.partner_id
                        """)
                .params(column(decisions, Evaluation::partnerId), column(decisions, e -> e.outcome().name()),
                        column(decisions, e -> name(e.qualifyingLevel())))
                .update();
        return ids;
    }

    private static String[] column(List<Evaluation> decisions, Function<Evaluation, String> value) {
        return decisions.stream().map(value).toArray(String[]::new);
    }

    private static Integer[] numbers(List<Evaluation> decisions, Function<Evaluation, Integer> value) {
        return decisions.stream().map(value).toArray(Integer[]::new);
    }

    /** Each partner's last recorded result, read in one statement. */
    Map<String, TierReevaluation.LastResult> lastResults(Collection<String> partnerIds) {
        Map<String, TierReevaluation.LastResult> results = new HashMap<>();
        jdbc.sql("select partner_id, evaluation_outcome, qualifying_level from program.partner where partner_id = any(?)")
                .param(partnerIds.toArray(String[]::new))
                .query(rs -> {
                    results.put(rs.getString(1), new TierReevaluation.LastResult(
                            rs.getString(2) == null ? null : EvaluationOutcome.valueOf(rs.getString(2)),
                            level(rs.getString(3))));
                });
        return results;
    }

    /** The id of the partner's last recorded decision. */
    Optional<Long> lastId(String partnerId) {
        return jdbc.sql("select evaluation_id from program.evaluation where partner_id = ? order by evaluation_id desc limit 1")
                .param(partnerId).query(Long.class).optional();
    }

    /** The headcount and minimums a decision was taken on: numbers only, so a form never depends on enum names. */
    Optional<Figures> figures(long evaluationId) {
        return jdbc.sql("""
                        select automation_service, automation_usage, development, required_automation_service,
                            required_automation_usage, required_development
                        from program.evaluation where evaluation_id = ?
                        """)
                .param(evaluationId)
                .query((rs, row) -> new Figures(new Headcount(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        new Minimums(rs.getInt(4), rs.getInt(5), rs.getInt(6))))
                .optional();
    }

    record Figures(Headcount headcount, Minimums required) {
    }

    public Optional<Evaluation> last(String partnerId) {
        return history(partnerId, 1).stream().findFirst();
    }

    public List<Evaluation> history(String partnerId, int limit) {
        return jdbc.sql("select * from program.evaluation where partner_id = ? order by evaluation_id desc limit ?")
                .params(partnerId, limit)
                .query(EvaluationLog::evaluation).list();
    }

    private static Evaluation evaluation(ResultSet rs, int row) throws SQLException {
        return new Evaluation(rs.getString("partner_id"), rs.getTimestamp("evaluated_at").toInstant(),
                rs.getString("trigger"), PartnerType.valueOf(rs.getString("partner_type")),
                level(rs.getString("current_level")),
                new Headcount(rs.getInt("automation_service"), rs.getInt("automation_usage"), rs.getInt("development")),
                new Minimums(rs.getInt("required_automation_service"), rs.getInt("required_automation_usage"),
                        rs.getInt("required_development")),
                level(rs.getString("qualifying_level")), EvaluationOutcome.valueOf(rs.getString("outcome")),
                rs.getString("rule_version"));
    }

    private static PartnerLevel level(String name) {
        return name == null ? null : PartnerLevel.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
