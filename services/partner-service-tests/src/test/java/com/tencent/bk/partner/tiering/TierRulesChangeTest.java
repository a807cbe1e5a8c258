package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Authenticated;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The program office changes a headcount minimum without a release: an administrator deploys a new version
 * of {@code partner-minimums} through Camunda's REST API (as Cockpit does) and the service uses it.
 */
class TierRulesChangeTest extends ServiceIntegrationTest {

    @Test
    void newlyDeployedMinimumsAreUsedWithoutARestart() throws IOException {
        String original = new String(new ClassPathResource("bpmn/partner-minimums.dmn").getContentAsByteArray(),
                StandardCharsets.UTF_8);
        String stricter = original.replace("""
                <outputEntry id="rule-community-automation-service">
                          <text>2</text>""".replace("                <", "<"), """
                <outputEntry id="rule-community-automation-service">
                          <text>3</text>""".replace("                <", "<"));
        assertThat(stricter).isNotEqualTo(original);
        try {
            assertThat(deploy(stricter).getStatusCode().value()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(requiredForANewCommunityApplicant()).isEqualTo(3));
        } finally {
            assertThat(deploy(original).getStatusCode().value()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(requiredForANewCommunityApplicant()).isEqualTo(2));
    }

    @Test
    void onlyAdministratorsMayDeployRules() throws IOException {
        String original = new String(new ClassPathResource("bpmn/partner-minimums.dmn").getContentAsByteArray(),
                StandardCharsets.UTF_8);

        assertThat(deploy(TestUsers.MANAGER, original).getStatusCode().value()).isEqualTo(403);
    }

    private int requiredForANewCommunityApplicant() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "COMMUNITY"));
        String task = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        JsonNode variables = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + task + "/form-variables").getBody());
        return variables.path("requiredAutomationService").path("value").asInt();
    }

    private ResponseEntity<String> deploy(String dmn) {
        return deploy(TestUsers.ADMIN, dmn);
    }

    private ResponseEntity<String> deploy(String user, String dmn) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "tier rules change");
        body.add("deploy-changed-only", "true");
        body.add("data", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "partner-minimums.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return Authenticated.as(rest, user, TestUsers.password(user))
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }
}
