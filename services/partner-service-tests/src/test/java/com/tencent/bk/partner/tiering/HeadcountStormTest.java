package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A storm for one partner: its headcount flips below and above the minimum hundreds of times while a manager
 * works the shortfall task and payments for it arrive on another topic. Messages correlated at the same moment
 * to one instance collide (optimistic locking); the collisions are retried, so no message is lost, no event
 * is applied twice and the partner ends in the state its last event says.
 */
class HeadcountStormTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;

    /** Like a user pressing "complete" again after a conflict: 409 is retried, anything else is returned. */
    private int completeRetryingConflicts(String task) {
        engine.claim(TestUsers.MANAGER, task);
        for (int attempt = 0; attempt < 20; attempt++) {
            int status = engine.complete(TestUsers.MANAGER, task, Map.of("comment", "已电话联系 called the partner"))
                    .getStatusCode().value();
            if (status != 409) {
                return status;
            }
        }
        return 409;
    }

    @Test
    void flipsAndConcurrentWorkLeaveTheStateTheLastEventSays() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        String flipping = certificates.get(0);
        revoke(partnerId, flipping);
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");

        CompletableFuture<Integer> manager = CompletableFuture.supplyAsync(() -> completeRetryingConflicts(task));
        int flips = 60;
        for (int i = 0; i < flips; i++) {
            // a re-grant renews; a revocation is final, so each flip revokes a fresh certificate of a newcomer
            String newcomer = certify(partnerId, "storm-" + i, "AUTOMATION", "SERVICE", null);
            kafka.publish(PAYMENTS, partnerId, "bk.payment.failed", Map.of("invoiceId", "INV-STORM-" + i,
                    "partnerId", partnerId, "reason", "storm"));
            if (i < flips - 1) {
                revoke(partnerId, newcomer);
            }
        }
        // the first re-grant restores the headcount and closes the shortfall by itself, so the manager either
        // completed the task first (204, after retrying any 409) or found it gone (404) — never a 500
        assertThat(manager.join()).as("the manager's completion went through or found the task closed")
                .isIn(204, 404);
        awaitConsumed(partnerId);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where partner_id = ?").param(partnerId)
                .query(Long.class).single() == flips);

        assertThat(partner(partnerId).path("headcount").path("automationService").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("tier-reevaluation").processInstanceBusinessKey(partnerId).count() == 0);
        assertThat(partner(partnerId).path("evaluation").path("outcome").asText()).isEqualTo("MEETS");
        // the storm opened and closed shortfalls many times; once all of it is on the topic, what integrators
        // heard last must be the close
        assertThat(lastShortfallEventType(partnerId)).isEqualTo("bk.partner.shortfall-closed");
        assertThat(jdbcClient.sql("select count(*) - count(distinct event_id) from program.processed_event "
                + "where event_id in (select event_id from program.payment where partner_id = ?)").param(partnerId)
                .query(Long.class).single()).as("nothing applied twice").isZero();
    }

    private String lastShortfallEventType(String partnerId) {
        List<String> types = publishedEvents(partnerId).stream().map(event -> event.path("type").asText())
                .filter(type -> type.startsWith("bk.partner.shortfall-")).toList();
        return types.isEmpty() ? null : types.get(types.size() - 1);
    }
}
