package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The minimums hold when the contract is first signed (seed: "at first signing"): signing is checked against
 * the company's headcount at that moment, and the partner is activated at the level that headcount earns.
 */
class QualificationAtSigningTest extends ServiceIntegrationTest {

    @Test
    void companyWithoutCertifiedEngineersCannotSignTheContractUntilItQualifies() {
        String partnerId = Companies.newPartnerId();
        paidEnterpriseApplicant(partnerId);
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        JsonNode shown = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + sign + "/form-variables").getBody());
        assertThat(shown.path("automationService").path("value").asInt()).isZero();
        assertThat(shown.path("requiredAutomationService").path("value").asInt()).isEqualTo(3);
        assertThat(shown.path("qualified").path("value").asBoolean(true)).isFalse();
        assertThat(engine.claim(TestUsers.MANAGER, sign).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> signed = engine.complete(TestUsers.MANAGER, sign,
                Map.of("contractSigned", true, "contractId", ""));

        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(400);
        assertThat(signed.getBody()).contains("contractSigned", "Headcount short", "0/3");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).extracting(task -> task.path("id").asText())
                .containsExactly(sign);

        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        ResponseEntity<String> qualified = engine.complete(TestUsers.MANAGER, sign,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(qualified.getStatusCode().value()).as(qualified.getBody()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("TRIAL");
    }

    @Test
    void qualifiedCompanyIsActivatedAtTheLevelItsCurrentHeadcountEarns() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3); // TRIAL at review
        awaitConsumed(partnerId);
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        for (int i = 3; i < 5; i++) { // LEVEL_3 by the time the contract is up for signing
            certify(partnerId, "late-auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "late-dev-" + i, "DEVELOPMENT", null, null);
        }
        awaitConsumed(partnerId);
        pay(partnerId, invoice);
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        JsonNode shown = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + sign + "/form-variables").getBody());
        assertThat(shown.path("automationService").path("value").asInt()).as("the headcount when signing")
                .isEqualTo(5);
        assertThat(shown.path("levelAtSigning").path("value").asText()).isEqualTo("LEVEL_3");

        engine.work(TestUsers.MANAGER, sign, Map.of("contractSigned", true, "contractId", ""));

        JsonNode activated = kafka.awaitPartnerEvent(partnerId, "bk.partner.activated").path("data");
        assertThat(activated.path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("LEVEL_3");
    }

    @Test
    void theSigningFormShowsTheHeadcountWhenItIsOpenedNotWhenTheTaskWasCreated() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3); // TRIAL
        paidEnterpriseApplicant(partnerId);
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        for (int i = 3; i < 5; i++) { // LEVEL_3 after the task exists
            certify(partnerId, "later-auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "later-dev-" + i, "DEVELOPMENT", null, null);
        }
        awaitConsumed(partnerId);

        JsonNode shown = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + sign + "/form-variables").getBody());
        assertThat(shown.path("automationService").path("value").asInt()).isEqualTo(5);
        assertThat(shown.path("qualified").path("value").asBoolean()).isTrue();
        assertThat(shown.path("qualified").path("type").asText()).isEqualTo("Boolean");
        assertThat(shown.path("levelAtSigning").path("value").asText()).isEqualTo("LEVEL_3");
        assertThat(shown.path("qualificationSummary").path("value").asText()).doesNotContain("short");
    }

    @Test
    void companyThatLostEngineersBetweenReviewAndSigningIsNotActivatedAtTheOldLevel() {
        String partnerId = Companies.newPartnerId();
        List<String> automation = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // LEVEL_3 at review
            automation.add(certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null));
            certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
        }
        paidEnterpriseApplicant(partnerId);
        revoke(partnerId, automation.get(0));
        revoke(partnerId, automation.get(1)); // 3 automation engineers left: TRIAL
        awaitConsumed(partnerId);

        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract"),
                Map.of("contractSigned", true, "contractId", ""));

        JsonNode activated = kafka.awaitPartnerEvent(partnerId, "bk.partner.activated").path("data");
        assertThat(activated.path("level").asText()).isEqualTo("TRIAL");
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("TRIAL");
    }

    /** An ENTERPRISE applicant approved with its current headcount, and its fee paid in full. */
    private void paidEnterpriseApplicant(String partnerId) {
        awaitConsumed(partnerId);
        pay(partnerId, enterpriseApplicantAwaitingFee(partnerId));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
    }

    private void pay(String partnerId, JsonNode invoice) {
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount", invoice.path("amount").asText(),
                "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));
    }
}
