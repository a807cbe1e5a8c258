package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Abuse by people inside the program's groups: a reviewer or manager who tries to change what the program
 * decided through the variables of their task, or to hand their task to someone outside their group. Each test
 * is an attack an outside tester carried out against the service; the project's tables decide, not variables.
 */
class TaskTamperingTest extends ServiceIntegrationTest {

    @Test
    void reviewerCannotTurnAnEnterpriseApplicationIntoABrandOneThroughTheCompletion() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 5);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        String review = engine.awaitTask(TestUsers.REVIEWER_MANAGER, partnerId, "review-application");
        engine.claim(TestUsers.REVIEWER_MANAGER, review);

        ResponseEntity<String> tampered = engine.complete(TestUsers.REVIEWER_MANAGER, review, Map.of("approved", true,
                "partnerType", "BRAND", "proposedLevel", "LEVEL_1"));

        assertThat(tampered.getStatusCode().value()).isEqualTo(400);
        assertThat(EngineRestClient.read(tampered.getBody()).path("variables").toString())
                .contains("partnerType", "proposedLevel");
        assertThat(tampered.getBody()).contains("not a variable of task review-application");
        assertThat(engine.tasks(TestUsers.REVIEWER_MANAGER, partnerId)).hasSize(1);

        engine.complete(TestUsers.REVIEWER_MANAGER, review, Map.of("approved", true));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");
        assertThat(partner(partnerId).path("type").asText()).isEqualTo("ENTERPRISE");
    }

    @Test
    void reviewerCannotSetVariablesOnTheirTaskOrResolveItWithVariables() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "ENTERPRISE"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        engine.claim(TestUsers.REVIEWER, review);
        Map<String, Object> brand = Map.of("value", "BRAND");

        assertThat(status(engine.exchange(TestUsers.REVIEWER, HttpMethod.PUT,
                "/engine-rest/task/" + review + "/variables/partnerType", brand))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, "/engine-rest/task/" + review + "/variables",
                Map.of("modifications", Map.of("partnerType", brand))))).isEqualTo(403);
        assertThat(status(engine.exchange(TestUsers.REVIEWER, HttpMethod.PUT,
                "/engine-rest/task/" + review + "/localVariables/approved", Map.of("value", true)))).isEqualTo(403);
        assertThat(status(engine.exchange(TestUsers.REVIEWER, HttpMethod.DELETE,
                "/engine-rest/task/" + review + "/variables/partnerType", null))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, "/engine-rest/task/" + review + "/resolve",
                Map.of("variables", Map.of("partnerType", brand))))).isIn(400, 403);

        JsonNode type = EngineRestClient.read(engine.get(TestUsers.ADMIN,
                "/engine-rest/task/" + review + "/variables/partnerType").getBody());
        assertThat(type.path("value").asText()).isEqualTo("ENTERPRISE");
    }

    @Test
    void registryDecidesTheRouteAndTheFeeEvenWhenProcessVariablesSayOtherwise() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 5);
        awaitConsumed(partnerId); // the LEVEL_3 headcount is there before the qualification check reads it
        apply(Companies.application(partnerId, "ENTERPRISE"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        String processInstance = EngineRestClient.read(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + review)
                .getBody()).path("processInstanceId").asText();
        // even an administrator's variable change (the one role that may still make one) decides nothing
        for (var variable : Map.of("partnerType", "BRAND", "proposedLevel", "LEVEL_1", "applicationId",
                "00000000-0000-0000-0000-000000000000").entrySet()) {
            assertThat(status(engine.exchange(TestUsers.ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/"
                    + processInstance + "/variables/" + variable.getKey(), Map.of("value", variable.getValue()))))
                    .isEqualTo(204);
        }

        engine.work(TestUsers.REVIEWER, review, Map.of("approved", true, "comment", "ok"));
        String approval = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");
        engine.work(TestUsers.MANAGER, approval, Map.of("approved", true));

        JsonNode invoice = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-requested").path("data");
        assertThat(invoice.path("amount").asText()).as("the LEVEL_3 fee the headcount earns").isEqualTo("50000.00");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void managerCannotSetTheLevelWhenSigning() {
        ClaimedSigning signing = brandApprovedAndClaimedForSigning();
        String partnerId = signing.partnerId();
        String sign = signing.taskId();

        ResponseEntity<String> tampered = engine.complete(TestUsers.MANAGER, sign,
                Map.of("contractSigned", true, "proposedLevel", "LEVEL_1", "partnerType", "ENTERPRISE"));

        assertThat(tampered.getStatusCode().value()).isEqualTo(400);
        assertThat(tampered.getBody()).contains("proposedLevel", "partnerType");
        engine.complete(TestUsers.MANAGER, sign, Map.of("contractSigned", true, "contractId", ""));
        JsonNode activated = kafka.awaitPartnerEvent(partnerId, "bk.partner.activated").path("data");
        assertThat(activated.path("type").asText()).isEqualTo("BRAND");
        assertThat(activated.path("level").isNull()).isTrue();
    }

    @Test
    void managerCannotEndTheOnboardingByThrowingABpmnErrorOrAnEscalationFromTheirTask() {
        ClaimedSigning signing = brandApprovedAndClaimedForSigning();
        String partnerId = signing.partnerId();
        String sign = signing.taskId();

        // no model catches an error or an escalation: the engine would end the task's execution without a
        // decision, leaving the application open and the partner waiting for a signature that can never come
        ResponseEntity<String> error = engine.post(TestUsers.MANAGER, "/engine-rest/task/" + sign + "/bpmnError",
                Map.of("errorCode", "gone", "variables", Map.of("contractSigned", Map.of("value", true))));
        ResponseEntity<String> escalation = engine.post(TestUsers.MANAGER, "/engine-rest/task/" + sign
                + "/bpmnEscalation", Map.of("escalationCode", "up"));

        assertThat(error.getStatusCode().value()).as(error.getBody()).isEqualTo(403);
        assertThat(escalation.getStatusCode().value()).as(escalation.getBody()).isEqualTo(403);
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).extracting(task -> task.path("id").asText())
                .containsExactly(sign);
        engine.complete(TestUsers.MANAGER, sign, Map.of("contractSigned", true, "contractId", ""));
        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.activated").path("data").path("type").asText())
                .isEqualTo("BRAND");
    }

    @Test
    void completionWithoutItsDecisionOrWithARejectionWithoutReasonIsRefused() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "COMMUNITY"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        engine.claim(TestUsers.REVIEWER, review);

        ResponseEntity<String> empty = engine.complete(TestUsers.REVIEWER, review, Map.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(EngineRestClient.read(empty.getBody()).path("variables").toString()).contains("approved");
        ResponseEntity<String> noReason = engine.complete(TestUsers.REVIEWER, review, Map.of("approved", false));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(EngineRestClient.read(noReason.getBody()).path("variables").toString()).contains("comment");
        ResponseEntity<String> text = engine.complete(TestUsers.REVIEWER, review, Map.of("approved", "true"));
        assertThat(text.getStatusCode().value()).isEqualTo(400);
        assertThat(text.getBody()).contains("approved: must be a boolean");
        assertThat(engine.tasks(TestUsers.REVIEWER, partnerId)).hasSize(1);

        engine.complete(TestUsers.REVIEWER, review, Map.of("approved", false, "comment", "认证人数不足 too few engineers"));
        JsonNode rejected = kafka.awaitPartnerEvent(partnerId, "bk.partner.rejected").path("data");
        assertThat(rejected.path("reason").asText()).isEqualTo("认证人数不足 too few engineers");
    }

    @Test
    void managersApprovalIsNotPrefilledWithTheReviewersDecision() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "ENTERPRISE"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "资质齐全 complete"));
        String approval = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");

        JsonNode form = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + approval + "/form-variables").getBody());
        assertThat(form.has("approved")).as(form.toString()).isFalse();
        assertThat(form.has("comment")).isFalse();
        assertThat(form.path("reviewComment").path("value").asText()).isEqualTo("资质齐全 complete");

        engine.claim(TestUsers.MANAGER, approval);
        assertThat(status(engine.complete(TestUsers.MANAGER, approval, Map.of()))).isEqualTo(400);
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).hasSize(1);
    }

    @Test
    void reviewerCannotHandTheirTaskToSomeoneOutsideTheGroup() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        engine.claim(TestUsers.REVIEWER, review);
        String task = "/engine-rest/task/" + review;

        assertThat(status(engine.post(TestUsers.REVIEWER, task + "/identity-links",
                Map.of("userId", TestUsers.WEBSITE, "type", "candidate")))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, task + "/identity-links",
                Map.of("groupId", "finance", "type", "candidate")))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, task + "/identity-links/delete",
                Map.of("groupId", "partner-reviewers", "type", "candidate")))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, task + "/assignee",
                Map.of("userId", TestUsers.WEBSITE)))).isEqualTo(403);
        assertThat(status(engine.post(TestUsers.REVIEWER, task + "/delegate",
                Map.of("userId", TestUsers.WEBSITE)))).isEqualTo(403);

        assertThat(engine.tasks(TestUsers.WEBSITE, partnerId)).isEmpty();
        assertThat(engine.tasks(TestUsers.FINANCE, partnerId)).isEmpty();
        assertThat(status(engine.complete(TestUsers.WEBSITE, review, Map.of("approved", true)))).isIn(403, 404);
    }

    @Test
    void eachDecisionStaysWithItsTaskInTheHistory() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        engine.work(TestUsers.REVIEWER, review, Map.of("approved", true, "comment", "ok"));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");

        JsonNode decisions = EngineRestClient.read(engine.get(TestUsers.ADMIN,
                "/engine-rest/history/variable-instance?variableName=approved&taskIdIn=" + review
                        + "&firstResult=0&maxResults=10").getBody());
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).path("value").asBoolean()).isTrue();
        JsonNode completions = EngineRestClient.read(engine.get(TestUsers.ADMIN,
                "/engine-rest/history/user-operation?taskId=" + review + "&operationType=Complete"
                        + "&firstResult=0&maxResults=10").getBody());
        assertThat(completions.findValuesAsText("userId")).contains(TestUsers.REVIEWER);
    }

    private static int status(ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    private record ClaimedSigning(String partnerId, String taskId) {
    }

    /** A BRAND applicant the reviewer approved (a brand goes straight to signing), its task claimed by the manager. */
    private ClaimedSigning brandApprovedAndClaimedForSigning() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true));
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        engine.claim(TestUsers.MANAGER, sign);
        return new ClaimedSigning(partnerId, sign);
    }
}
