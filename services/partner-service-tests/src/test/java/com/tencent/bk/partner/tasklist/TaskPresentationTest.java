package com.tencent.bk.partner.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasks a person can tell apart in Tasklist: named after step, company and type, due by their step's SLA, with a
 * follow-up date where the process has a deadline, and the variables the filters show set by the service, out of
 * reach of the people working the tasks.
 */
class TaskPresentationTest extends ServiceIntegrationTest {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Test
    void aReviewTaskIsNamedAfterTheCompanyDueByItsSlaAndCarriesWhatIsAtStake() {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> application = Companies.application(partnerId, "ENTERPRISE");
        String company = (String) application.get("companyName");
        apply(application);
        String id = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");

        JsonNode task = EngineRestClient.read(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + id).getBody());
        assertThat(task.path("name").asText()).isEqualTo("审核申请 Review application · " + company + " · ENTERPRISE");
        // review-application: 3 program days (application.yml), due at the end of the third day in Shanghai
        LocalDate today = LocalDate.ofInstant(Instant.now(), ProgramClock.PROGRAM_ZONE);
        assertThat(instant(task.path("due").asText())).isEqualTo(today.plusDays(3).atTime(LocalTime.of(23, 59, 59))
                .atZone(ProgramClock.PROGRAM_ZONE).toInstant());
        assertThat(task.path("followUp").isNull()).as("onboarding has no deadline of its own yet").isTrue();

        JsonNode local = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + id + "/localVariables").getBody());
        assertThat(local.path("companyName").path("value").asText()).isEqualTo(company);
        assertThat(local.path("partnerId").path("value").asText()).isEqualTo(partnerId);
        assertThat(local.path("partnerType").path("value").asText()).isEqualTo("ENTERPRISE");
        // the type in words is named from the code when the form is opened, not stored beside it
        assertThat(local.has("partnerTypeName")).isFalse();
        JsonNode form = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + id + "/form-variables").getBody());
        assertThat(form.path("partnerTypeName").path("value").asText())
                .isEqualTo("企业版技术合作伙伴 Enterprise-edition technical partner (ENTERPRISE)");
        assertThat(form.path("partnerTypeName").path("type").asText()).isEqualTo("String");
    }

    @Test
    void everyFilterShowsTheListedVariablesAndTheListCarriesThemPerTask() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        String id = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");

        Map<String, JsonNode> filters = new java.util.HashMap<>();
        for (String user : List.of(TestUsers.REVIEWER, TestUsers.MANAGER, TestUsers.FINANCE, TestUsers.AUDITOR)) {
            EngineRestClient.read(engine.get(user, "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50").getBody())
                    .forEach(filter -> filters.put(filter.path("name").asText(), filter));
        }
        assertThat(filters).containsOnlyKeys("待审核申请 Applications to review", "经理任务 Manager tasks",
                "财务任务 Finance tasks", "审计任务 Audit tasks");
        for (JsonNode filter : filters.values()) {
            List<String> shown = new ArrayList<>();
            filter.path("properties").path("variables").forEach(v -> shown.add(v.path("name").asText()));
            assertThat(shown).as(filter.path("name").asText()).containsExactly("companyName", "partnerId",
                    "partnerType", "levelAtStake", "amountAtStake", "graceEndsOn");
            assertThat(filter.path("properties").path("variables").get(0).path("label").asText())
                    .isEqualTo("公司 Company");
        }
        JsonNode reviewers = filters.get("待审核申请 Applications to review");

        // what Tasklist asks for a filter's list: the tasks with the filter's variables embedded
        HttpHeaders hal = new HttpHeaders();
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        hal.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> list = rest.withBasicAuth(TestUsers.REVIEWER, TestUsers.password(TestUsers.REVIEWER))
                .exchange("/engine-rest/filter/" + reviewers.path("id").asText() + "/list?firstResult=0&maxResults=200",
                        HttpMethod.POST, new HttpEntity<>(Map.of("processInstanceBusinessKey", partnerId), hal),
                        String.class);
        assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
        Map<String, String> ofTask = new java.util.HashMap<>();
        for (JsonNode task : EngineRestClient.read(list.getBody()).path("_embedded").path("task")) {
            if (id.equals(task.path("id").asText())) {
                task.path("_embedded").path("variable").forEach(v ->
                        ofTask.put(v.path("name").asText(), v.path("value").asText()));
            }
        }
        assertThat(ofTask).containsEntry("partnerId", partnerId).containsEntry("partnerType", "ENTERPRISE")
                .containsEntry("levelAtStake", "试用 Trial (TRIAL)")
                // the Trial fee (application.yml), what approval leads to
                .containsEntry("amountAtStake", "30000.00 CNY");
    }

    @Test
    void aSignContractTaskListsAndShowsTheLevelAndFeeOfTheApplicationsRowsNotOfTheProcessCopies() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3); // TRIAL
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        // someone who may edit a running instance rewrites its copies while it waits for the fee
        ResponseEntity<String> found = engine.get(TestUsers.ADMIN, "/engine-rest/process-instance"
                + "?firstResult=0&maxResults=1&processDefinitionKey=partner-onboarding&businessKey=" + partnerId);
        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        String instance = EngineRestClient.read(found.getBody()).get(0).path("id").asText();
        for (Map.Entry<String, String> forged : Map.of("invoiceAmount", "1.00", "proposedLevel", "LEVEL_1")
                .entrySet()) {
            assertThat(engine.exchange(TestUsers.ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/" + instance
                            + "/variables/" + forged.getKey(), Map.of("value", forged.getValue(), "type", "String"))
                    .getStatusCode().value()).isEqualTo(204);
        }
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount", invoice.path("amount").asText(),
                "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));

        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        JsonNode listed = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + sign + "/localVariables").getBody());
        assertThat(listed.path("levelAtStake").path("value").asText()).isEqualTo("试用 Trial (TRIAL)");
        assertThat(listed.path("amountAtStake").path("value").asText()).isEqualTo("30000.00 CNY");
        JsonNode form = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + sign + "/form-variables").getBody());
        assertThat(form.path("invoiceAmount").path("value").asText()).isEqualTo("30000.00");
        assertThat(form.path("invoiceId").path("value").asText()).isEqualTo(invoice.path("invoiceId").asText());
    }

    @Test
    void aShortfallFollowUpIsDueByItsSlaAndFollowsUpAtTheGraceEnd() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        revoke(partnerId, certificates.get(0));
        String id = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        String graceEndsOn = kafka.awaitPartnerEvent(partnerId, "bk.partner.shortfall-opened").path("data")
                .path("graceEndsOn").asText();

        JsonNode task = EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + id).getBody());
        assertThat(task.path("name").asText()).startsWith("跟进人数不足 Follow up shortfall · 测试科技有限公司")
                .endsWith(" · COMMUNITY");
        LocalDate today = LocalDate.ofInstant(Instant.now(), ProgramClock.PROGRAM_ZONE);
        assertThat(instant(task.path("due").asText())).isEqualTo(today.plusDays(7).atTime(LocalTime.of(23, 59, 59))
                .atZone(ProgramClock.PROGRAM_ZONE).toInstant());
        // the grace timer fires at the start of the day after the last day of grace
        assertThat(instant(task.path("followUp").asText())).isEqualTo(LocalDate.parse(graceEndsOn).plusDays(1)
                .atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant());
        JsonNode local = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + id + "/localVariables").getBody());
        assertThat(local.path("graceEndsOn").path("value").asText()).isEqualTo(graceEndsOn);
    }

    @Test
    void peopleWorkingATaskCannotChangeWhatTheListShows() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        String id = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        assertThat(engine.claim(TestUsers.REVIEWER, id).getStatusCode().value()).isEqualTo(204);

        for (String name : List.of("companyName", "partnerId", "partnerType", "levelAtStake", "amountAtStake",
                "attestations", "certificates", "approvalLeadsTo", "companyHistory")) {
            assertThat(engine.exchange(TestUsers.REVIEWER, HttpMethod.PUT, "/engine-rest/task/" + id
                    + "/localVariables/" + name, Map.of("value", "forged")).getStatusCode().value()).as(name)
                    .isEqualTo(403);
            assertThat(engine.exchange(TestUsers.REVIEWER, HttpMethod.PUT, "/engine-rest/task/" + id
                    + "/variables/" + name, Map.of("value", "forged")).getStatusCode().value()).as(name)
                    .isEqualTo(403);
        }
        ResponseEntity<String> forged = engine.complete(TestUsers.REVIEWER, id,
                Map.of("approved", true, "comment", "ok", "companyName", "forged"));
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(forged.getBody()).contains("companyName");
        ResponseEntity<String> forgedContext = engine.complete(TestUsers.REVIEWER, id,
                Map.of("approved", true, "comment", "ok", "attestations", "✔ all fine"));
        assertThat(forgedContext.getStatusCode().value()).isEqualTo(400);
        assertThat(forgedContext.getBody()).contains("attestations");
        assertThat(engine.exchange(TestUsers.REVIEWER, HttpMethod.PUT, "/engine-rest/task/" + id,
                Map.of("name", "forged", "due", "2030-01-01T00:00:00.000+0800")).getStatusCode().value())
                .isEqualTo(403);

        JsonNode task = EngineRestClient.read(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + id).getBody());
        assertThat(task.path("name").asText()).endsWith(" · BRAND");
        JsonNode local = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + id + "/localVariables").getBody());
        assertThat(local.path("companyName").path("value").asText()).startsWith("测试科技有限公司");
    }

    @Test
    void aReviewShowsWhatItDecidesOnFromTheTables() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", false, "comment", "品牌材料不全 brand material incomplete"));
        kafka.awaitPartnerEvent(partnerId, "bk.partner.rejected");
        certifyEngineers(partnerId, 3);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        String id = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");

        JsonNode local = EngineRestClient.read(engine.get(TestUsers.REVIEWER,
                "/engine-rest/task/" + id + "/localVariables?deserializeValues=false").getBody());
        assertThat(local.path("attestations").path("value").asText())
                .contains("✔ 已确认 Confirmed: 接受计划规则 Accepts the program rules")
                .contains("✔ 已确认 Confirmed: 不销售竞品 Sells no competing products");
        assertThat(local.path("approvalLeadsTo").path("value").asText()).isEqualTo("通过后 If approved: "
                + "经理审批 Manager approval (ENTERPRISE) → 服务费发票 Service fee invoice 30000.00 CNY"
                + " → 签约 Signing the contract → 成为合作伙伴 Active partner, 试用 Trial (TRIAL)");

        // a table for the form: Json variables, which Tasklist parses into the lists form-js renders
        assertThat(local.path("certificates").path("type").asText()).isEqualTo("Json");
        JsonNode certificates = EngineRestClient.read(local.path("certificates").path("value").asText());
        assertThat(certificates).hasSize(6);
        assertThat(certificates.findValuesAsText("engineer")).containsOnly("ENG-" + partnerId + "-0",
                "ENG-" + partnerId + "-1", "ENG-" + partnerId + "-2");
        assertThat(certificates.findValuesAsText("track")).containsOnly("AUTOMATION", "DEVELOPMENT");
        assertThat(certificates.findValuesAsText("expiresOn")).containsOnly("不过期 never");

        JsonNode history = EngineRestClient.read(local.path("companyHistory").path("value").asText());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("what").asText()).isEqualTo("申请 Application (BRAND)");
        assertThat(history.get(0).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(history.get(0).path("reason").asText()).isEqualTo("品牌材料不全 brand material incomplete");
        assertThat(history.get(0).path("on").asText())
                .isEqualTo(LocalDate.ofInstant(Instant.now(), ProgramClock.PROGRAM_ZONE).toString());
    }

    @Test
    void theManagerFindsTheReviewersDecisionInTheTasksHistory() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "资质齐全 all in order"));
        String id = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");

        // what Tasklist's History tab reads: the task's comments
        JsonNode comments = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + id + "/comment").getBody());
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("message").asText())
                .isEqualTo("审核申请 Review application: ✔ 同意 Yes — 资质齐全 all in order");
        assertThat(comments.get(0).path("userId").asText()).isEqualTo(TestUsers.REVIEWER);
        // a reviewer cannot read the manager's task, nor its comments
        assertThat(engine.get(TestUsers.REVIEWER, "/engine-rest/task/" + id + "/comment").getStatusCode().value())
                .isIn(403, 404);
    }

    @Test
    void aMovedGraceDeadlineMovesTheFollowUpDateAndTheListedGraceEnd() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        revoke(partnerId, certificates.get(0));
        String id = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");

        Instant movedTo = LocalDate.ofInstant(Instant.now(), ProgramClock.PROGRAM_ZONE).plusDays(90)
                .atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant();
        ResponseEntity<String> moved = putDeadline(TestUsers.MANAGER, partnerId, "grace-period-ended",
                Map.of("dueAt", movedTo.toString(), "reason", "客户申请延期 extension granted"));
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);

        JsonNode task = EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + id).getBody());
        assertThat(instant(task.path("followUp").asText())).isEqualTo(movedTo);
        String lastDayOfGrace = LocalDate.ofInstant(movedTo, ProgramClock.PROGRAM_ZONE).minusDays(1).toString();
        JsonNode local = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/engine-rest/task/" + id + "/localVariables").getBody());
        assertThat(local.path("graceEndsOn").path("value").asText()).isEqualTo(lastDayOfGrace);
        String processInstanceId = task.path("processInstanceId").asText();
        JsonNode variable = EngineRestClient.read(engine.get(TestUsers.ADMIN, "/engine-rest/process-instance/"
                + processInstanceId + "/variables/graceEndsOn").getBody());
        assertThat(variable.path("value").asText()).isEqualTo(lastDayOfGrace);
    }

    private static Instant instant(String engineDate) {
        return OffsetDateTime.parse(engineDate, ENGINE_DATE).toInstant();
    }
}
