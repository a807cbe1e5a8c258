package com.tencent.bk.partner.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every decision a person made on a task, kept in the project's own table ({@code program.task_decision}) in the
 * transaction of the completion. Gateways and delegates read decisions from here, by process instance and task
 * id: a decision is never read back from a process variable, which an earlier task or a later user could have
 * set. The models call it as {@code ${taskDecisions.isYes(execution, 'review-application')}}.
 */
@Component("taskDecisions")
public class DecisionLog {

    /** One recorded decision. {@code value} is {@code true}/{@code false}, a choice, or null (a note only). */
    public record Recorded(String taskKey, String value, String comment, String decidedBy, Map<String, Object> details) {

        public boolean isYes() {
            return "true".equals(value);
        }

        public Optional<String> detail(String name) {
            Object detail = details.get(name);
            return detail == null ? Optional.empty() : Optional.of(detail.toString());
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ProgramClock clock;

    DecisionLog(JdbcClient jdbc, ObjectMapper json, ProgramClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void record(String processInstanceId, String executionId, String taskId, String businessKey,
                TaskDecisions.Decision decision, String decidedBy) {
        jdbc.sql("""
                        insert into program.task_decision (process_instance_id, execution_id, task_id, task_key,
                            business_key, decision, comment, details, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        """)
                .params(processInstanceId, executionId, taskId, decision.taskKey(), businessKey, decision.value(),
                        decision.comment(), toJson(decision.variables()), decidedBy, Timestamp.from(clock.now()))
                .update();
    }

    /** Whether the last completion of this task in the execution's process said yes. */
    public boolean isYes(DelegateExecution execution, String taskKey) {
        return latest(execution, taskKey).isYes();
    }

    /** The last completion of this task in the execution's process instance. */
    public Recorded latest(DelegateExecution execution, String taskKey) {
        return find("process_instance_id = ? and task_key = ?", execution.getProcessInstanceId(), taskKey)
                .orElseThrow(() -> new IllegalStateException("No decision recorded for " + taskKey
                        + " in process " + execution.getProcessInstanceId()));
    }

    /** The last completion of this task in this very execution (one case of a multi-instance, e.g. an audit). */
    public Recorded inThisExecution(DelegateExecution execution, String taskKey) {
        return find("execution_id = ? and task_key = ?", execution.getId(), taskKey)
                .orElseThrow(() -> new IllegalStateException("No decision recorded for " + taskKey
                        + " in execution " + execution.getId()));
    }

    /** The last decision of any task in the execution's process instance. */
    public Optional<Recorded> lastOfProcess(DelegateExecution execution) {
        return find("process_instance_id = ?", execution.getProcessInstanceId());
    }

    /** A decision with when it was taken, in the order of the process's history. */
    public record Dated(Recorded decision, java.time.Instant decidedAt) {
    }

    /** Every decision taken in this process instance so far, oldest first. */
    public List<Dated> ofProcess(String processInstanceId) {
        return jdbc.sql("select task_key, decision, comment, decided_by, details::text, decided_at "
                        + "from program.task_decision where process_instance_id = ? order by decision_id")
                .param(processInstanceId)
                .query((rs, row) -> new Dated(recorded(rs), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private Optional<Recorded> find(String where, Object... params) {
        return jdbc.sql("select task_key, decision, comment, decided_by, details::text from program.task_decision where "
                        + where + " order by decision_id desc limit 1")
                .params(params)
                .query((rs, row) -> recorded(rs))
                .optional();
    }

    /** The columns {@code task_key, decision, comment, decided_by, details::text}, in this order. */
    private Recorded recorded(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                fromJson(rs.getString(5)));
    }

    private String toJson(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Decision variables cannot be kept as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable decision details " + text, e);
        }
    }
}
