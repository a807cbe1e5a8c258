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
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
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
    void aSeedChosenByTheCallerIsRefused() {
        ResponseEntity<String> chosen = engine.post(TestUsers.AUDITOR, "/api/audits",
                Map.of("seed", 20261125L, "sampleSize", 2));

        assertThat(chosen.getStatusCode().value()).as(chosen.getBody()).isEqualTo(400);
        assertThat(EngineRestClient.read(chosen.getBody()).findValuesAsText("field")).contains("seed");
    }

    @Test
    void theServiceDrawsTheSeedAndARecordedDrawReplaysToTheSameSampleWithATaskPerSampledPartner() {
        for (int i = 0; i < 3; i++) {
            activePartner(Companies.newPartnerId(), "BRAND", 0, 0);
        }

        JsonNode first = startAudit(Map.of("sampleSize", 2));
        JsonNode second = startAudit(Map.of("sampleSize", 2));

        assertThat(first.path("seed").asLong()).isNotEqualTo(second.path("seed").asLong());
        assertThat(first.path("sampled").size()).isEqualTo(2);
        String auditId = first.path("auditId").asText();
        JsonNode recorded = EngineRestClient.read(engine.get(TestUsers.AUDITOR, "/api/audits/" + auditId).getBody());
        List<String> population = texts(recorded.path("populationIds"));
        assertThat(population).hasSize(recorded.path("population").asInt()).isSorted();
        assertThat(AuditDraw.sample(population, recorded.path("seed").asLong(), recorded.path("sampleSize").asInt()))
                .as("the documented replay: the sorted population shuffled by java.util.Random(seed), the first n")
                .isEqualTo(texts(first.path("sampled")));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.tasks(TestUsers.AUDITOR, auditId).size() == 2);
        assertThat(engine.tasks(TestUsers.MANAGER, auditId)).isEmpty();
    }

    @Test
    void mismatchWithAVerifiedHeadcountBelowTheMinimumOpensAShortfallThatNewCertificatesRestore() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);
        String auditId = startAudit(Map.of("sampleSize", 10_000)).path("auditId").asText();
        String task = auditTask(auditId, partnerId);

        ResponseEntity<String> withoutCounts = engine.complete(TestUsers.AUDITOR, task,
                Map.of("auditOutcome", "MISMATCH", "comment", "one engineer left"));
        assertThat(withoutCounts.getStatusCode().value()).as(withoutCounts.getBody()).isEqualTo(400);
        assertThat(withoutCounts.getBody()).contains("verifiedAutomationService", "verifiedDevelopment");
        engine.work(TestUsers.AUDITOR, task, Map.of("auditOutcome", "MISMATCH", "comment", "一名工程师已离职 one left",
                "verifiedAutomationService", 1, "verifiedAutomationUsage", 1, "verifiedDevelopment", 1));

        JsonNode opened = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened").path("data");
        assertThat(opened.path("actual").path("automationService").asInt()).isEqualTo(1);
        assertThat(opened.path("required").path("automationService").asInt()).isEqualTo(2);
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        JsonNode evaluation = partner(partnerId).path("evaluation");
        assertThat(evaluation.path("trigger").asText()).isEqualTo("AUDIT_MISMATCH");
        assertThat(evaluation.path("outcome").asText()).isEqualTo("SHORTFALL");
        assertThat(partner(partnerId).path("headcount").path("automationService").asInt())
                .as("the registry still lists what the training system says").isEqualTo(2);

        certify(partnerId, "newly-certified", "AUTOMATION", "SERVICE", null);

        JsonNode closed = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-closed").path("data");
        assertThat(closed.path("actual").path("automationService").asInt()).isEqualTo(2);
    }

    /**
     * A later audit confirms the registered headcount that an earlier one capped: no certificate changes, yet the
     * shortfall the cap opened is over, so the tier is decided again at once (it used to wait for the partner's
     * next certificate event, leaving a shortfall open, or a partner moved down on the cap at the lower level).
     */
    @Test
    void aConfirmedAuditThatLiftsAnEarlierCapDecidesTheTierAgain() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);
        capByAudit(partnerId);
        kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened");
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");

        String confirmingAudit = startAudit(Map.of("sampleSize", 10_000)).path("auditId").asText();
        engine.work(TestUsers.AUDITOR, auditTask(confirmingAudit, partnerId), Map.of("auditOutcome",
                "CONFIRMED", "comment", "两名工程师均已核实 both engineers met"));

        JsonNode closed = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-closed").path("data");
        assertThat(closed.path("actual").path("automationService").asInt()).isEqualTo(2);
        JsonNode evaluation = partner(partnerId).path("evaluation");
        assertThat(evaluation.path("trigger").asText()).isEqualTo("AUDIT_CONFIRMED");
        assertThat(evaluation.path("outcome").asText()).isEqualTo("MEETS");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.tasks(TestUsers.MANAGER, partnerId).isEmpty());
    }

    /**
     * The renewal check judges the headcount the tier is held against: under an auditor's cap the registered
     * engineers the auditor did not find do not renew the partnership. It waits, as for any partner short of its
     * minimums, and an engineer certified since the audit qualifies it.
     */
    @Test
    void theRenewalCheckJudgesTheHeadcountAnAuditVerified() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);
        capByAudit(partnerId);
        kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened");

        moveDeadline(partnerId, "renewal-due", "续约检查 renewal check");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("qualification-deadline-passed"));
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).extracting(task -> task.path("taskDefinitionKey")
                .asText()).doesNotContain("review-renewal");

        certify(partnerId, "certified-after-the-audit", "AUTOMATION", "SERVICE", null);

        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-closed");
    }

    /**
     * A company whose partnership ended under an auditor's cap applies again: signing judges the headcount the
     * auditor verified plus engineers certified since, not the registered engineers the auditor did not find
     * (a new partnership would otherwise start in a shortfall on its first evaluation).
     */
    @Test
    void aCompanyApplyingAgainSignsOnTheHeadcountAnAuditVerified() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);
        capByAudit(partnerId);
        String deceptionAudit = startAudit(Map.of("sampleSize", 10_000)).path("auditId").asText();
        engine.work(TestUsers.AUDITOR, auditTask(deceptionAudit, partnerId), Map.of("auditOutcome",
                "DECEPTION", "comment", "证书借用 borrowed certificates"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", true, "comment", "verified"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));

        assertThat(apply(Companies.application(partnerId, "COMMUNITY")).getStatusCode().value()).isEqualTo(201);
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "再次申请 applied again"));
        String signing = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        ResponseEntity<String> signed = engine.complete(TestUsers.MANAGER, signing,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(400);
        assertThat(signed.getBody()).contains("contractSigned");

        certify(partnerId, "certified-after-the-audit", "AUTOMATION", "SERVICE", null);
        awaitConsumed(partnerId);
        engine.work(TestUsers.MANAGER, signing, Map.of("contractSigned", true, "contractId", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        assertThat(partner(partnerId).path("evaluation").path("outcome").asText())
                .as("the new partnership starts meeting its minimums").isEqualTo("MEETS");
    }

    @Test
    void anAuditorWhoIsAlsoAManagerCannotConfirmTheTerminationTheirDeceptionFindingRaised() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        String auditId = startAudit(Map.of("sampleSize", 10_000)).path("auditId").asText();
        engine.work(TestUsers.AUDITOR_MANAGER, auditTask(auditId, partnerId),
                Map.of("auditOutcome", "DECEPTION", "comment", "证书借用 borrowed certificates"));
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");

        ResponseEntity<String> claim = engine.claim(TestUsers.AUDITOR_MANAGER, confirm);
        ResponseEntity<String> completion = engine.complete(TestUsers.AUDITOR_MANAGER, confirm,
                Map.of("confirmed", true, "comment", "my own finding"));

        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
        assertThat(completion.getStatusCode().value()).as(completion.getBody()).isEqualTo(403);
        assertThat(completion.getBody()).contains("Four-eyes");
        assertThat(jdbcClient.sql("select raised_by from program.termination_request where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly(TestUsers.AUDITOR_MANAGER);
        engine.work(TestUsers.MANAGER, confirm, Map.of("confirmed", true, "comment", "verified"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
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
        String confirmedCase = auditTask(auditId, confirmed);
        JsonNode evidence = EngineRestClient.read(engine.get(TestUsers.AUDITOR,
                "/engine-rest/task/" + confirmedCase + "/form-variables").getBody());
        assertThat(evidence.path("evidenceSummary").path("value").asText()).contains("AUTOMATION/SERVICE");
        assertThat(evidence.path("automationService").path("value").asInt()).isEqualTo(2);
        assertThat(evidence.path("requiredAutomationService").path("value").asInt()).isEqualTo(2);

        engine.work(TestUsers.AUDITOR, confirmedCase, Map.of("auditOutcome", "CONFIRMED", "comment", "ok"));
        engine.work(TestUsers.AUDITOR, auditTask(auditId, mismatch), Map.of("auditOutcome", "MISMATCH",
                "comment", "一名工程师未到场 one engineer not met, the rest suffice", "verifiedAutomationService", 2,
                "verifiedAutomationUsage", 2, "verifiedDevelopment", 1));
        engine.work(TestUsers.AUDITOR, auditTask(auditId, deceiving), Map.of("auditOutcome", "DECEPTION",
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

    /** An audit of everyone that finds MISMATCH for the partner, verifying one engineer per track. */
    private void capByAudit(String partnerId) {
        String auditId = startAudit(Map.of("sampleSize", 10_000)).path("auditId").asText();
        engine.work(TestUsers.AUDITOR, auditTask(auditId, partnerId), Map.of("auditOutcome", "MISMATCH",
                "comment", "一名工程师未到场 one engineer not met", "verifiedAutomationService", 1,
                "verifiedAutomationUsage", 1, "verifiedDevelopment", 1));
    }

    private JsonNode startAudit(Map<String, Object> body) {
        ResponseEntity<String> started = engine.post(TestUsers.AUDITOR, "/api/audits", body);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        return EngineRestClient.read(started.getBody());
    }

    /**
     * The audit's case of one partner, found by the partner id its task lists rather than by reading every case:
     * an audit of everyone has one case per active partner of the whole suite, more than a page of tasks.
     */
    private String auditTask(String auditId, String partnerId) {
        AtomicReference<String> task = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode found = EngineRestClient.read(engine.get(TestUsers.AUDITOR,
                    "/engine-rest/task?processInstanceBusinessKey=" + auditId + "&taskVariables=partnerId_eq_"
                            + partnerId + "&firstResult=0&maxResults=2").getBody());
            assertThat(found.isArray()).as(found.toString()).isTrue();
            assertThat(found.size()).as("cases of %s in audit %s", partnerId, auditId).isLessThanOrEqualTo(1);
            task.set(found.isEmpty() ? null : found.get(0).path("id").asText());
            return task.get() != null;
        });
        return task.get();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private String outcome(String auditId, String partnerId) {
        return jdbcClient.sql("select outcome from program.audit_outcome where audit_id = ? and partner_id = ?")
                .params(auditId, partnerId).query(String.class).single();
    }
}
