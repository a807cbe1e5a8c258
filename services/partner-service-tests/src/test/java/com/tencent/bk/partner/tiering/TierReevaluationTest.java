package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.DueTimers;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certification events during the cooperation keep each tier honest: a shortfall opens with a grace period and
 * a task for managers and closes when restored; unremedied, it downgrades or asks for termination; a higher
 * headcount upgrades. Sequences go through a real broker; time moves with the engine's clock.
 */
class TierReevaluationTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void revocationBelowTheMinimumOpensAShortfallForManagersAndARestoredHeadcountClosesIt() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        assertThat(partner(partnerId).path("evaluation").path("outcome").asText()).isEqualTo("MEETS");

        revoke(partnerId, certificates.get(0));

        JsonNode opened = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened").path("data");
        assertThat(opened.path("required").path("automationService").asInt()).isEqualTo(2);
        assertThat(opened.path("actual").path("automationService").asInt()).isEqualTo(1);
        assertThat(opened.path("graceEndsOn").asText()).isNotBlank();
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        assertThat(engine.tasks(TestUsers.REVIEWER, partnerId)).isEmpty();
        assertThat(partner(partnerId).path("evaluation").path("outcome").asText()).isEqualTo("SHORTFALL");
        JsonNode form = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + task + "/form-variables").getBody());
        assertThat(form.path("requiredAutomationService").path("value").asInt()).isEqualTo(2);

        certify(partnerId, "newcomer", "AUTOMATION", "SERVICE", null);

        JsonNode closed = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-closed").path("data");
        assertThat(closed.path("actual").path("automationService").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> !running(partnerId));
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).isEmpty();
        assertThat(partner(partnerId).path("evaluation").path("outcome").asText()).isEqualTo("MEETS");

        var lateCompletion = engine.complete(TestUsers.MANAGER, task, Map.of("comment", "too late"));
        assertThat(lateCompletion.getStatusCode().value()).as("a task that closed by itself is gone, not an error")
                .isEqualTo(404);
        assertThat(lateCompletion.getBody()).contains("no longer exists");

        // its history keeps the steps it took, not the parallel, exclusive and event-based gateways between them
        List<String> activities = jdbcClient.sql("select act_id_ from act_hi_actinst where proc_inst_id_ in "
                        + "(select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = 'tier-reevaluation')")
                .param(partnerId).query(String.class).list();
        assertThat(activities).contains("open-shortfall", "follow-up-shortfall", "headcount-changed",
                "recheck-headcount", "close-shortfall").doesNotContain("outcome", "shortfall-opened", "join-await",
                "await-headcount-or-grace-end", "restored");
    }

    /**
     * The first gateway routes on the decision recorded in the registry, never on a variable: a start that carries
     * an outcome of its own (as a start from Cockpit or the engine's API could) for a partner that meets its
     * minimums is refused, and neither changes the level nor opens a shortfall.
     */
    @Test
    void theFirstGatewayRoutesOnTheRecordedDecisionNotOnAVariable() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        JsonNode before = partner(partnerId);
        assertThat(before.path("evaluation").path("outcome").asText()).isEqualTo("MEETS");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("tier-reevaluation", partnerId,
                Map.of("evaluationOutcome", "UPGRADE")))
                .hasMessageContaining("nothing to act on").hasMessageContaining("MEETS");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("tier-reevaluation")
                .processInstanceBusinessKey(partnerId).count()).isZero();
        assertThat(jdbcClient.sql("select count(*) from program.outbox_event where message_key = ? and type in "
                        + "('bk.partner.shortfall-opened', 'bk.partner.level-changed')").param(partnerId)
                .query(Long.class).single()).isZero();
        assertThat(partner(partnerId).path("level").asText()).isEqualTo(before.path("level").asText());
    }

    /**
     * A shortfall writes each variable once, where it is needed: the process keeps what its steps route on and
     * the figures of the finding, the task what its list and form show of the partner (from the registry). No
     * copy at both scopes, no null written, and the form still finds every field it shows. Every variable is a
     * runtime and a history row on the revocation path (bench B3).
     */
    @Test
    void aShortfallWritesEachVariableOnceAndItsFormFindsEveryField() throws Exception {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "ENTERPRISE", 5, 5);
        revoke(partnerId, certificates.get(0));
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");

        Map<String, List<String>> byScope = new java.util.TreeMap<>();
        jdbcClient.sql("select name_, case when task_id_ is null then 'process' else 'task' end as scope "
                        + "from act_ru_variable where proc_inst_id_ = (select id_ from act_ru_execution where "
                        + "business_key_ = ? and parent_id_ is null and proc_def_id_ like 'tier-reevaluation:%')")
                .param(partnerId).query((row, i) -> Map.entry(row.getString("scope"), row.getString("name_"))).list()
                .forEach(entry -> byScope.computeIfAbsent(entry.getKey(), k -> new java.util.ArrayList<>())
                        .add(entry.getValue()));
        // the first gateway asks the registry for the decision that started the process (StartingOutcome)
        assertThat(byScope.get("process")).containsExactlyInAnyOrder("graceEndsOn", "graceEndsAt");
        // the figures are not copied onto the task: it names the decision, and its form reads them from the log
        assertThat(byScope.get("task")).containsExactlyInAnyOrder("partnerId", "companyName", "partnerType",
                "levelAtStake", "graceEndsOn", "shortfallEvaluationId");
        JsonNode decided = partner(partnerId).path("evaluation");
        JsonNode figures = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + task + "/form-variables").getBody());
        assertThat(figures.path("automationService").path("value").asInt())
                .isEqualTo(decided.path("headcount").path("automationService").asInt()).isEqualTo(4);
        assertThat(figures.path("automationService").path("type").asText()).isEqualTo("Integer");
        assertThat(figures.path("requiredAutomationService").path("value").asInt())
                .isEqualTo(decided.path("required").path("automationService").asInt());
        assertThat(jdbcClient.sql("select count(*) from act_hi_varinst where task_id_ = ?").param(task)
                .query(Long.class).single()).isZero();
        // a form asking for some variables gets those figures only
        JsonNode some = EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + task
                + "/form-variables?variableNames=development,companyName").getBody());
        assertThat(some.fieldNames()).toIterable().containsExactlyInAnyOrder("development", "companyName");
        assertThat(some.path("development").path("value").asInt())
                .isEqualTo(decided.path("headcount").path("development").asInt());
        // and nobody outside the task's group reads them
        assertThat(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + task + "/form-variables")
                .getStatusCode().is2xxSuccessful()).isFalse();

        JsonNode form = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + task + "/form-variables").getBody());
        JsonNode fields;
        try (var in = getClass().getResourceAsStream("/bpmn/follow-up-shortfall.form")) {
            fields = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("components");
        }
        List<String> shown = new java.util.ArrayList<>();
        fields.forEach(field -> {
            if (field.path("disabled").asBoolean()) {
                shown.add(field.path("key").asText());
            }
        });
        assertThat(shown).hasSizeGreaterThan(8);
        for (String key : shown) {
            assertThat(form.path(key).path("value").isNull()).as(key).isFalse();
            assertThat(form.path(key).path("value").asText()).as(key).isNotBlank();
        }
        assertThat(form.path("companyName").path("value").asText()).isEqualTo(partner(partnerId).path("companyName")
                .asText());
    }

    /**
     * The follow-up's form shows the decision that opened the shortfall, read by the id the task holds: not a later
     * decision of the same partner, and not another partner's, however the managers working it try to point it.
     */
    @Test
    void theFollowUpShowsTheDecisionThatOpenedTheShortfallAndNoManagerCanPointItElsewhere() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "ENTERPRISE", 5, 5);
        String other = Companies.newPartnerId();
        activePartner(other, "COMMUNITY", 2, 1);
        revoke(partnerId, certificates.get(0));
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        long opening = jdbcClient.sql("select min(evaluation_id) from program.evaluation where partner_id = ? "
                + "and outcome = 'SHORTFALL'").param(partnerId).query(Long.class).single();

        // still short after two more revocations (now below every level), and the log has a newer decision
        revoke(partnerId, certificates.get(1));
        revoke(partnerId, certificates.get(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.evaluation where partner_id = ? and automation_service = 2")
                .param(partnerId).query(Long.class).single() > 0);
        assertThat(formFigure(task, "automationService")).isEqualTo(4);

        assertThat(engine.claim(TestUsers.MANAGER, task).getStatusCode().value()).isEqualTo(204);
        long othersDecision = jdbcClient.sql("select max(evaluation_id) from program.evaluation where partner_id = ?")
                .param(other).query(Long.class).single();
        Map<String, Object> forged = Map.of("value", othersDecision, "type", "Long");
        for (String scope : List.of("localVariables", "variables")) {
            assertThat(engine.exchange(TestUsers.MANAGER, HttpMethod.PUT, "/engine-rest/task/" + task + "/" + scope
                    + "/shortfallEvaluationId", forged).getStatusCode().value()).as(scope).isEqualTo(403);
        }
        assertThat(engine.exchange(TestUsers.MANAGER, HttpMethod.DELETE, "/engine-rest/task/" + task
                + "/localVariables/shortfallEvaluationId", null).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> completion = engine.complete(TestUsers.MANAGER, task,
                Map.of("comment", "called them", "shortfallEvaluationId", othersDecision));
        assertThat(completion.getStatusCode().value()).isEqualTo(400);
        assertThat(completion.getBody()).contains("shortfallEvaluationId");
        assertThat(jdbcClient.sql("select long_ from act_ru_variable where task_id_ = ? and name_ = ?")
                .params(task, "shortfallEvaluationId").query(Long.class).single()).isEqualTo(opening);
        assertThat(formFigure(task, "automationService")).isEqualTo(4);
    }

    private int formFigure(String task, String name) {
        return EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + task + "/form-variables")
                .getBody()).path(name).path("value").asInt();
    }

    @Test
    void enterprisePartnerNotRestoredWithinTheGracePeriodMovesDownToTheLevelItStillMeets() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "ENTERPRISE", 5, 5);
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("LEVEL_3");

        revoke(partnerId, certificates.get(0));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");

        passGracePeriod(partnerId);

        JsonNode changed = kafka.awaitPartnerEvent(partnerId, "bk.partner.level-changed").path("data");
        assertThat(changed.path("from").asText()).isEqualTo("LEVEL_3");
        assertThat(changed.path("to").asText()).isEqualTo("TRIAL");
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("TRIAL");
        assertThat(running(partnerId)).isFalse();
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).isEmpty();
    }

    @Test
    void communityPartnerNotRestoredWithinTheGracePeriodIsProposedForTermination() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);

        revoke(partnerId, certificates.get(2)); // the only development engineer
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        passGracePeriod(partnerId);

        assertThat(jdbcClient.sql("select cause from program.termination_request where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly("SHORTFALL_NOT_REMEDIED");
        assertThat(running(partnerId)).isFalse();
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");

        // the manager gives the partner another chance: the shortfall is watched again, with a new grace period
        engine.work(TestUsers.MANAGER, confirm, Map.of("confirmed", false, "comment", "再给一次机会 one more chance"));

        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        assertThat(running(partnerId)).isTrue();
        assertThat(partner(partnerId).path("evaluation").path("trigger").asText()).isEqualTo("TERMINATION_DECLINED");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void grantArrivingAfterItsTransferReevaluatesTheCompanyThatHoldsIt() {
        String former = Companies.newPartnerId();
        String holder = Companies.newPartnerId();
        activePartner(holder, "ENTERPRISE", 4, 5);
        assertThat(partner(holder).path("level").asText()).isEqualTo("TRIAL");
        Map<String, Object> grant = Companies.granted(former, "moving-engineer", "AUTOMATION", "SERVICE", null);

        // the transfer overtakes the grant it refers to; the late grant still names the former employer
        kafka.publish(CERTIFICATIONS, former, "bk.certification.transferred", Map.of("certificateId",
                grant.get("certificateId"), "fromPartnerId", former, "toPartnerId", holder));
        awaitConsumed(former); // apart, in separate polls: the grant alone must lead to the holder
        kafka.publish(CERTIFICATIONS, former, "bk.certification.granted", grant);

        JsonNode upgraded = kafka.awaitPartnerEvent(holder, "bk.partner.level-changed").path("data");
        assertThat(upgraded.path("to").asText()).isEqualTo("LEVEL_3");
        assertThat(partner(holder).path("headcount").path("automationService").asInt()).isEqualTo(5);
    }

    @Test
    void trialPartnerReachingTheFullEnterpriseHeadcountIsUpgraded() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("TRIAL");

        for (int i = 3; i < 5; i++) {
            certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
        }

        JsonNode changed = kafka.awaitPartnerEvent(partnerId, "bk.partner.level-changed").path("data");
        assertThat(changed.path("from").asText()).isEqualTo("TRIAL");
        assertThat(changed.path("to").asText()).isEqualTo("LEVEL_3");
        await().atMost(Duration.ofSeconds(10)).until(() -> "LEVEL_3".equals(partner(partnerId).path("level").asText()));
        JsonNode decisions = EngineRestClient.read(engine.get(TestUsers.WEBSITE,
                "/api/partners/" + partnerId + "/evaluations").getBody());
        assertThat(decisions.findValuesAsText("outcome")).startsWith("MEETS", "UPGRADE");
        assertThat(decisions.get(0).path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(decisions.get(0).path("ruleVersion").asText()).contains("v");
        assertThat(decisions.get(0).path("headcount").path("development").asInt()).isEqualTo(5);
    }

    @Test
    void changesThatCrossNoThresholdTouchOnlyTheRegistry() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 3, 1);
        long evaluationsBefore = evaluations(partnerId);
        long instancesBefore = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(partnerId)
                .count();

        revoke(partnerId, certificates.get(0));
        certify(partnerId, "extra-dev", "DEVELOPMENT", null, null);
        awaitConsumed(partnerId);

        assertThat(partner(partnerId).path("headcount").path("automationService").asInt()).isEqualTo(2);
        assertThat(partner(partnerId).path("headcount").path("development").asInt()).isEqualTo(2);
        assertThat(evaluations(partnerId)).isEqualTo(evaluationsBefore);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(partnerId).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void transferMovesOnePartnerBelowItsMinimumAndAnotherAboveItsLevel() {
        String community = Companies.newPartnerId();
        String enterprise = Companies.newPartnerId();
        List<String> communityCertificates = activePartner(community, "COMMUNITY", 2, 1);
        activePartner(enterprise, "ENTERPRISE", 4, 5);
        assertThat(partner(enterprise).path("level").asText()).isEqualTo("TRIAL");

        kafka.publish(CERTIFICATIONS, community, "bk.certification.transferred", Map.of("certificateId",
                communityCertificates.get(0), "fromPartnerId", community, "toPartnerId", enterprise));

        kafka.awaitPartnerEvent(community, "bk.partner.shortfall-opened");
        JsonNode upgraded = kafka.awaitPartnerEvent(enterprise, "bk.partner.level-changed").path("data");
        assertThat(upgraded.path("to").asText()).isEqualTo("LEVEL_3");
        assertThat(partner(community).path("headcount").path("automationService").asInt()).isEqualTo(1);
        assertThat(partner(enterprise).path("headcount").path("automationService").asInt()).isEqualTo(5);
    }

    @Test
    void certificatePastItsExpiryDateStopsCountingWithoutAnEvent() {
        String partnerId = Companies.newPartnerId();
        String today = java.time.LocalDate.now(com.tencent.bk.partner.common.ProgramClock.PROGRAM_ZONE).toString();
        certify(partnerId, "expiring", "AUTOMATION", "SERVICE", today);
        activePartner(partnerId, "COMMUNITY", 1, 1);
        assertThat(partner(partnerId).path("headcount").path("automationService").asInt()).isEqualTo(2);
        jdbcClient.sql("update program.sweep_state set last_day = ?")
                .param(java.time.LocalDate.parse(today)).update();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
        sweep.run();

        assertThat(partner(partnerId).path("headcount").path("automationService").asInt()).isEqualTo(1);
        assertThat(partner(partnerId).path("evaluation").path("trigger").asText()).isEqualTo("CERTIFICATE_EXPIRY");
        assertThat(running(partnerId)).isTrue();
        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened")).isNotNull();
    }

    @Test
    void partnerWhoseCertificatesExpireWithinTheWindowIsForecastAndWarnedOnce() {
        String partnerId = Companies.newPartnerId();
        String inThirtyDays = java.time.LocalDate.now(com.tencent.bk.partner.common.ProgramClock.PROGRAM_ZONE)
                .plusDays(30).toString();
        String expiring = certify(partnerId, "expiring", "AUTOMATION", "SERVICE", inThirtyDays);
        activePartner(partnerId, "COMMUNITY", 1, 1);

        JsonNode atRisk = EngineRestClient.read(engine.get(TestUsers.WEBSITE,
                "/api/partners/at-risk?within=P60D").getBody());
        JsonNode soonAtRisk = EngineRestClient.read(engine.get(TestUsers.WEBSITE,
                "/api/partners/at-risk?within=P10D").getBody());
        sweep.run();
        sweep.run();

        JsonNode entry = findPartner(atRisk, partnerId);
        assertThat(entry.path("fallsBelowOn").asText())
                .isEqualTo(java.time.LocalDate.parse(inThirtyDays).plusDays(1).toString());
        assertThat(entry.path("certificateIds").get(0).asText()).isEqualTo(expiring);
        assertThat(findPartner(soonAtRisk, partnerId)).isNull();
        JsonNode warning = kafka.awaitPartnerEvent(partnerId, "bk.partner.headcount-at-risk").path("data");
        assertThat(warning.path("certificateIds").get(0).asText()).isEqualTo(expiring);
        assertThat(publishedEvents(partnerId).stream()
                .filter(event -> event.path("type").asText().equals("bk.partner.headcount-at-risk")).count())
                .isEqualTo(1);
        assertThat(engine.get(TestUsers.WEBSITE, "/api/partners/at-risk?within=P5Y").getStatusCode().value())
                .isEqualTo(400);
    }

    @Autowired
    DailyTierSweep sweep;

    private static JsonNode findPartner(JsonNode list, String partnerId) {
        for (JsonNode entry : list) {
            if (partnerId.equals(entry.path("partnerId").asText())) {
                return entry;
            }
        }
        return null;
    }

    /** Moves the clock past the grace period and fires the partner's due timers. */
    private void passGracePeriod(String partnerId) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(92, ChronoUnit.DAYS)));
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("tier-reevaluation")
                .processInstanceBusinessKey(partnerId).singleResult().getId();
        DueTimers.fire(management, instance);
    }

    private boolean running(String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("tier-reevaluation")
                .processInstanceBusinessKey(partnerId).count() > 0;
    }

    private long evaluations(String partnerId) {
        return jdbcClient.sql("select count(*) from program.evaluation where partner_id = ?").param(partnerId)
                .query(Long.class).single();
    }
}
