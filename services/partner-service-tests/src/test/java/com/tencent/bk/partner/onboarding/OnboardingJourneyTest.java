package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Applications through every task to an ACTIVE partner, driven from outside: HTTP, Camunda REST, Kafka. */
class OnboardingJourneyTest extends ServiceIntegrationTest {

    @Test
    void brandPartnerWithoutFeeGoesFromReviewStraightToSigningAndBecomesActive() {
        String partnerId = Companies.newPartnerId();

        ResponseEntity<String> created = apply(Companies.application(partnerId, "BRAND"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String applicationId = read(created).path("applicationId").asText();

        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("UNDER_REVIEW");
        engine.work(TestUsers.REVIEWER, review, Map.of("approved", true, "comment", "品牌知名 well known"));

        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        engine.work(TestUsers.MANAGER, sign, Map.of("contractSigned", true, "contractId", "BKP-BRAND-" + partnerId));

        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        JsonNode partner = partner(partnerId);
        assertThat(partner.path("type").asText()).isEqualTo("BRAND");
        assertThat(partner.path("level").isNull()).isTrue();
        assertThat(partner.path("contract").path("contractId").asText()).isEqualTo("BKP-BRAND-" + partnerId);

        JsonNode activated = kafka.awaitPartnerEvent(partnerId, "bk.partner.activated");
        assertThat(activated.path("data").path("benefits").toString()).contains("BRAND_INTEGRATION");
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .containsExactly("bk.partner.application-received", "bk.partner.approved", "bk.partner.activated");
        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.approved").path("data").path("applicationId")
                .asText()).isEqualTo(applicationId);
    }

    private static JsonNode read(ResponseEntity<String> response) {
        return com.tencent.bk.partner.support.EngineRestClient.read(response.getBody());
    }
}
