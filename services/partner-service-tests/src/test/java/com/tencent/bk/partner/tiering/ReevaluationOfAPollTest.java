package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A poll of certification events is re-evaluated partner by partner on figures read for all of them at once:
 * sent while the listener is stopped, so they arrive together, the events of three partners each lead to their
 * own outcome: one falls below its minimum (shortfall opened with its own figures, one re-evaluation, one task),
 * one stays above it (nothing but the registry), one already in shortfall is restored (its running re-evaluation
 * is told and closes; no second one starts).
 */
class ReevaluationOfAPollTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    TierReevaluation reevaluation;

    @Test
    void eachPartnerOfAPollIsDecidedOnItsOwnFigures() {
        String falling = Companies.newPartnerId();
        String above = Companies.newPartnerId();
        String restored = Companies.newPartnerId();
        List<String> fallingCertificates = activePartner(falling, "COMMUNITY", 2, 1);
        List<String> aboveCertificates = activePartner(above, "COMMUNITY", 3, 1);
        List<String> restoredCertificates = activePartner(restored, "COMMUNITY", 2, 1);
        revoke(restored, restoredCertificates.get(0));
        engine.awaitTask(TestUsers.MANAGER, restored, "follow-up-shortfall");
        long aboveEvaluations = evaluations(above);

        whileStopped("certification-events", () -> {
            revoke(falling, fallingCertificates.get(0));
            revoke(above, aboveCertificates.get(0));
            return certify(restored, "newcomer", "AUTOMATION", "SERVICE", null);
        });

        JsonNode opened = kafka.awaitPartnerEvent(falling, "bk.partner.shortfall-opened").path("data");
        assertThat(opened.path("required").path("automationService").asInt()).isEqualTo(2);
        assertThat(opened.path("actual").path("automationService").asInt()).isEqualTo(1);
        assertThat(opened.path("actual").path("development").asInt()).isEqualTo(1);
        String followUp = engine.awaitTask(TestUsers.MANAGER, falling, "follow-up-shortfall");
        assertThat(reevaluations(falling)).isEqualTo(1);
        Map<String, Object> fallingDecision = lastDecision(falling);
        // a SERVICE-level engineer also counts at USAGE level: 1 against a minimum of 0
        assertThat(fallingDecision).containsEntry("outcome", "SHORTFALL").containsEntry("automation_service", 1)
                .containsEntry("automation_usage", 1).containsEntry("development", 1).containsEntry("required_automation_service", 2);
        assertThat(taskService.getVariableLocal(followUp, "shortfallEvaluationId"))
                .as("the follow-up names the decision of this poll that opened its shortfall")
                .isEqualTo(fallingDecision.get("evaluation_id"));

        JsonNode closed = kafka.awaitPartnerEvent(restored, "bk.partner.shortfall-closed").path("data");
        assertThat(closed.path("actual").path("automationService").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> reevaluations(restored) == 0);
        assertThat(partner(restored).path("evaluation").path("outcome").asText()).isEqualTo("MEETS");
        // recorded in the same statement as the falling partner's decision, each with its own partner's figures
        assertThat(lastDecision(restored)).containsEntry("outcome", "MEETS").containsEntry("automation_service", 2)
                .containsEntry("automation_usage", 2).containsEntry("development", 1)
                .containsEntry("required_automation_service", 2);

        awaitConsumed(above);
        assertThat(partner(above).path("headcount").path("automationService").asInt()).isEqualTo(2);
        assertThat(evaluations(above)).as("no result changed, nothing recorded").isEqualTo(aboveEvaluations);
        assertThat(reevaluations(above)).isZero();
        assertThat(partner(falling).path("evaluation").path("outcome").asText()).isEqualTo("SHORTFALL");
    }

    @Test
    void aReevaluationOutsideATransactionIsRefusedBeforeItRecordsAnything() {
        String falling = Companies.newPartnerId();
        activePartner(falling, "COMMUNITY", 2, 1);
        long before = evaluations(falling);
        jdbcClient.sql("delete from program.certificate where partner_id = ?").param(falling).update();

        assertThatThrownBy(() -> reevaluation.reevaluate(List.of(falling), "TEST"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        assertThat(evaluations(falling)).isEqualTo(before);
        assertThat(reevaluations(falling)).isZero();
    }

    private long reevaluations(String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("tier-reevaluation")
                .processInstanceBusinessKey(partnerId).count();
    }

    /** The partner's last recorded decision: every column but the rule version's text, which only must be there. */
    private Map<String, Object> lastDecision(String partnerId) {
        Map<String, Object> decision = jdbcClient.sql("""
                        select evaluation_id, partner_id, trigger, partner_type, current_level, automation_service,
                            automation_usage, development, required_automation_service, required_automation_usage,
                            required_development, qualifying_level, outcome, rule_version is not null as has_rules,
                            evaluated_at > now() - interval '5 minutes' and evaluated_at <= now() as recent
                        from program.evaluation where partner_id = ? order by evaluation_id desc limit 1
                        """)
                .param(partnerId).query().singleRow();
        assertThat(decision).containsEntry("partner_id", partnerId).containsEntry("trigger", "CERTIFICATION_CHANGE")
                .containsEntry("partner_type", "COMMUNITY").containsEntry("current_level", null)
                .containsEntry("qualifying_level", null).containsEntry("required_automation_usage", 0).containsEntry("required_development", 1)
                .containsEntry("has_rules", true).containsEntry("recent", true);
        return decision;
    }

    private long evaluations(String partnerId) {
        return jdbcClient.sql("select count(*) from program.evaluation where partner_id = ?").param(partnerId)
                .query(Long.class).single();
    }
}
