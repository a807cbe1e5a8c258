package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist loads for a reviewer, with the reviewer's own grants: the task's Camunda Form and the
 * variables it shows (company, contact, headcount against the minimum, the pre-check result).
 */
class TaskFormsTest extends ServiceIntegrationTest {

    @Test
    void reviewerLoadsTheReviewFormAndTheQualificationCheckItShows() {
        String partnerId = Companies.newPartnerId();
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                Companies.granted(partnerId, "E1", "AUTOMATION", "SERVICE", null));
        awaitConsumed(partnerId);
        apply(Companies.application(partnerId, "COMMUNITY"));
        String task = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");

        ResponseEntity<String> form = engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + task + "/deployed-form");
        // as Tasklist loads them for a Camunda Form: every variable, Json ones as text the browser parses
        JsonNode variables = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + task + "/form-variables?deserializeValues=false").getBody());

        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
        JsonNode schema = EngineRestClient.read(form.getBody());
        assertThat(schema.path("id").asText()).isEqualTo("review-application");
        assertThat(schema.findValuesAsText("key")).contains("approved", "comment", "companyName",
                "qualificationSummary", "requiredAutomationService");
        assertThat(variables.path("companyName").path("value").asText()).contains("Test Tech");
        assertThat(variables.path("partnerType").path("value").asText()).isEqualTo("COMMUNITY");
        // the code with its names, which the form shows instead of the bare code
        assertThat(variables.path("partnerTypeName").path("value").asText())
                .isEqualTo("社区版技术合作伙伴 Community-edition technical partner (COMMUNITY)");
        assertThat(schema.findValuesAsText("key")).contains("partnerTypeName").doesNotContain("partnerType");
        assertThat(variables.path("requiredAutomationService").path("value").asInt()).isEqualTo(2);
        assertThat(variables.path("requiredDevelopment").path("value").asInt()).isEqualTo(1);
        assertThat(variables.path("qualified").path("value").asBoolean()).isFalse();
        assertThat(variables.path("qualificationSummary").path("value").asText()).contains("Headcount short");

        // what the reviewer decides on beyond the counts: the form's tables read Json variables of the task
        assertThat(schema.findValuesAsText("dataSource")).containsExactly("=certificates", "=companyHistory");
        assertThat(schema.findValuesAsText("key")).contains("attestations", "approvalLeadsTo");
        assertThat(variables.path("certificates").path("type").asText()).isEqualTo("Json");
        assertThat(EngineRestClient.read(variables.path("certificates").path("value").asText())
                .findValuesAsText("engineer")).containsExactly("E1");
        assertThat(variables.path("companyHistory").path("type").asText()).isEqualTo("Json");
        assertThat(variables.path("attestations").path("value").asText()).contains("接受计划规则");
        assertThat(variables.path("approvalLeadsTo").path("value").asText()).doesNotContain("经理审批");
    }

    @Test
    void managerLoadsTheApprovalFormShowingWhoReviewed() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "ENTERPRISE"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "人数不足但有潜力 short but promising"));
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");

        JsonNode schema = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + task + "/deployed-form").getBody());
        JsonNode variables = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + task + "/form-variables").getBody());

        assertThat(schema.path("id").asText()).isEqualTo("approve-application");
        assertThat(variables.has("approved")).as("the reviewer's decision does not pre-fill the manager's").isFalse();
        assertThat(variables.path("reviewedBy").path("value").asText()).isEqualTo(TestUsers.REVIEWER);
        assertThat(variables.path("reviewComment").path("value").asText()).contains("promising");
        assertThat(variables.path("proposedLevel").path("value").asText()).isEqualTo("TRIAL");
    }
}
