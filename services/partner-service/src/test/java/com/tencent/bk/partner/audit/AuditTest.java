package com.tencent.bk.partner.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import com.tencent.bk.partner.common.ProgramClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;
import org.camunda.bpm.engine.runtime.Job;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The quarterly random audit: a reproducible draw, a task per sampled partner for auditors with the evidence
 * counted on the audit date, and what each outcome does.
 */
class AuditTest extends ServiceIntegrationTest {

    @Autowired
    ManagementService management;

    @Test
    void theSameSeedDrawsTheSameSampleAndEachSampledPartnerGetsAnAuditorTask() {
        for (int i = 0; i < 3; i++) {
            activePartner(Companies.newPartnerId(), "BRAND", 0, 0);
        }

        JsonNode first = startAudit(Map.of("seed", 20261125L, "sampleSize", 2));
        JsonNode second = startAudit(Map.of("seed", 20261125L, "sampleSize", 2));
        JsonNode otherSeed = startAudit(Map.of("seed", 7L, "sampleSize", 1000));

        assertThat(first.path("seed").asLong()).isEqualTo(20261125L);
        assertThat(first.path("sampled").size()).isEqualTo(2);
        assertThat(second.path("sampled")).isEqualTo(first.path("sampled"));
        assertThat(second.path("population").asInt()).isEqualTo(first.path("population").asInt());
        assertThat(otherSeed.path("sampled").size()).isEqualTo(first.path("population").asInt());
        String auditId = first.path("auditId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.tasks(TestUsers.AUDITOR, auditId).size() == 2);
        assertThat(engine.tasks(TestUsers.MANAGER, auditId)).isEmpty();
        assertThat(EngineRestClient.read(engine.get(TestUsers.AUDITOR, "/api/audits/" + auditId).getBody())
                .path("sampled")).isEqualTo(first.path("sampled"));
    }

    @Test
    void outcomesConfirmReevaluateOrTerminate() {
        String confirmed = Companies.newPartnerId();
        String mismatch = Companies.newPartnerId();
        String deceiving = Companies.newPartnerId();
        activePartner(confirmed, "COMMUNITY", 2, 1);
        activePartner(mismatch, "COMMUNITY", 2, 1);
        activePartner(deceiving, "COMMUNITY", 2, 1);

        JsonNode audit = startAudit(Map.of("sampleSize", 10_000)); // everyone
        String auditId = audit.path("auditId").asText();

        Map<String, String> taskOf = tasksByPartner(auditId);
        JsonNode evidence = EngineRestClient.read(engine.get(TestUsers.AUDITOR,
                "/engine-rest/task/" + taskOf.get(confirmed) + "/form-variables").getBody());
        assertThat(evidence.path("evidenceSummary").path("value").asText()).contains("AUTOMATION/SERVICE");
        assertThat(evidence.path("automationService").path("value").asInt()).isEqualTo(2);
        assertThat(evidence.path("requiredAutomationService").path("value").asInt()).isEqualTo(2);

        engine.work(TestUsers.AUDITOR, taskOf.get(confirmed), Map.of("auditOutcome", "CONFIRMED", "comment", "ok"));
        engine.work(TestUsers.AUDITOR, taskOf.get(mismatch), Map.of("auditOutcome", "MISMATCH",
                "comment", "一名工程师已离职 one engineer left"));
        engine.work(TestUsers.AUDITOR, taskOf.get(deceiving), Map.of("auditOutcome", "DECEPTION",
                "comment", "证书借用 borrowed certificates"));

        assertThat(outcome(auditId, confirmed)).isEqualTo("CONFIRMED");
        assertThat(outcome(auditId, mismatch)).isEqualTo("MISMATCH");
        assertThat(partner(mismatch).path("evaluation").path("trigger").asText()).isEqualTo("AUDIT_MISMATCH");
        engine.awaitTask(TestUsers.MANAGER, deceiving, "confirm-termination");
        assertThat(jdbcClient.sql("select cause from program.termination_request where partner_id = ?")
                .param(deceiving).query(String.class).list()).containsExactly("AUDIT_FINDING");
        assertThat(engine.tasks(TestUsers.MANAGER, confirmed)).isEmpty();
    }

    @Test
    void onlyAuditorsStartAuditsAndTheQuarterlyTimerIsScheduled() {
        ResponseEntity<String> byManager = engine.post(TestUsers.MANAGER, "/api/audits", Map.of());

        assertThat(byManager.getStatusCode().value()).isEqualTo(403);
        assertThat(management.createJobQuery().processDefinitionKey("quarterly-audit").timers().count())
                .as("the quarterly timer start event").isEqualTo(1);
    }

    @Test
    void quarterlyTimerIsDueAtNineInBeijingOnTheFirstDayOfAQuarterWhateverTheJvmZone() {
        Job timer = management.createJobQuery().processDefinitionKey("quarterly-audit").timers().singleResult();
        TimeZone original = TimeZone.getDefault();
        ZonedDateTime due;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            management.recalculateJobDuedate(timer.getId(), false);
            due = management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate().toInstant()
                    .atZone(ProgramClock.PROGRAM_ZONE);
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(due.toInstant()).isAfter(Instant.now()).isBefore(Instant.now().plus(93, ChronoUnit.DAYS));
    }

    private JsonNode startAudit(Map<String, Object> body) {
        ResponseEntity<String> started = engine.post(TestUsers.AUDITOR, "/api/audits", body);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        return EngineRestClient.read(started.getBody());
    }

    private Map<String, String> tasksByPartner(String auditId) {
        Map<String, String> taskOf = new HashMap<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.tasks(TestUsers.AUDITOR, auditId).isEmpty());
        for (JsonNode task : engine.tasks(TestUsers.AUDITOR, auditId)) {
            String id = task.path("id").asText();
            JsonNode variables = EngineRestClient.read(engine.get(TestUsers.AUDITOR,
                    "/engine-rest/task/" + id + "/form-variables").getBody());
            taskOf.put(variables.path("auditedPartnerId").path("value").asText(), id);
        }
        return taskOf;
    }

    private String outcome(String auditId, String partnerId) {
        return jdbcClient.sql("select outcome from program.audit_outcome where audit_id = ? and partner_id = ?")
                .params(auditId, partnerId).query(String.class).single();
    }
}
