package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every tier decision, newest first, and each partner's last result. */
@Repository
public class EvaluationLog {

    private final JdbcClient jdbc;

    EvaluationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Evaluation evaluation) {
        jdbc.sql("""
                        insert into program.evaluation (partner_id, evaluated_at, trigger, partner_type, current_level,
                            automation_service, automation_usage, development, required_automation_service,
                            required_automation_usage, required_development, qualifying_level, outcome, rule_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(evaluation.partnerId(), Timestamp.from(evaluation.evaluatedAt()), evaluation.trigger(),
                        evaluation.type().name(), name(evaluation.currentLevel()),
                        evaluation.headcount().automationService(), evaluation.headcount().automationUsage(),
                        evaluation.headcount().development(), evaluation.required().automationService(),
                        evaluation.required().automationUsage(), evaluation.required().development(),
                        name(evaluation.qualifyingLevel()), evaluation.outcome().name(), evaluation.ruleVersion())
                .update();
        jdbc.sql("update program.partner set evaluation_outcome = ?, qualifying_level = ? where partner_id = ?")
                .params(evaluation.outcome().name(), name(evaluation.qualifyingLevel()), evaluation.partnerId())
                .update();
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

    Optional<Evaluation> byId(long evaluationId) {
        return jdbc.sql("select * from program.evaluation where evaluation_id = ?").param(evaluationId)
                .query(EvaluationLog::evaluation).optional();
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
