package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A user sees and works only the tasks of their groups, through Camunda's REST API as through Tasklist. */
class TaskAccessTest extends ServiceIntegrationTest {

    @Test
    void reviewerCannotSeeClaimOrCompleteAManagersTask() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "ok"));
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");

        assertThat(engine.tasks(TestUsers.REVIEWER, partnerId)).isEmpty();
        assertThat(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + sign).getStatusCode().value())
                .isIn(403, 404);
        assertThat(engine.claim(TestUsers.REVIEWER, sign).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> completed = engine.complete(TestUsers.REVIEWER, sign,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(completed.getStatusCode().value()).isEqualTo(403);
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).hasSize(1);
    }

    @Test
    void claimingATaskAnotherUserHoldsIsAConflictAndLeavesItWithTheHolder() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "ok"));
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(engine.claim(TestUsers.MANAGER, sign).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> second = engine.claim(TestUsers.REVIEWER_MANAGER, sign);

        assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(409);
        assertThat(EngineRestClient.read(second.getBody()).path("type").asText())
                .isEqualTo("TaskAlreadyClaimedException");
        assertThat(EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + sign).getBody())
                .path("assignee").asText()).isEqualTo(TestUsers.MANAGER);
    }

    @Test
    void financeAndAuditorsSeeNoOnboardingTasks() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "COMMUNITY"));
        engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");

        assertThat(engine.tasks(TestUsers.FINANCE, partnerId)).isEmpty();
        assertThat(engine.tasks(TestUsers.AUDITOR, partnerId)).isEmpty();
        assertThat(engine.tasks(TestUsers.WEBSITE, partnerId)).isEmpty();
    }

    @Test
    void engineRestNeedsAuthentication() {
        assertThat(rest.getForEntity("/engine-rest/task?firstResult=0&maxResults=10", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/api/partners", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void eachGroupHasItsOwnTasklistFilter() {
        var reviewerFilters = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50").getBody());
        var financeFilters = EngineRestClient.read(engine.get(TestUsers.FINANCE,
                "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50").getBody());

        // the filters' own names (their listed variables have names too)
        assertThat(reviewerFilters).extracting(filter -> filter.path("name").asText())
                .containsExactly("待审核申请 Applications to review");
        assertThat(financeFilters).extracting(filter -> filter.path("name").asText())
                .containsExactly("财务任务 Finance tasks");
    }

    @Test
    void actuatorDetailsNeedAnAdminButHealthIsOpen() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth(TestUsers.REVIEWER, TestUsers.password(TestUsers.REVIEWER))
                .getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
