package com.tencent.bk.partner.termination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Immediate termination on a breach: each trigger opens one {@code contract-termination} case for managers;
 * confirmed, the partnership ends, its benefits go, fees are not refunded, and nothing of the partner's other
 * processes is left behind.
 */
class TerminationTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @Test
    void reportedViolationIsConfirmedAndLeavesNothingOfThePartnersProcessesBehind() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        revoke(partnerId, certificates.get(0)); // a shortfall: tier-reevaluation with a task, beside the renewal
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        List<String> before = instanceIds(partnerId);
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);

        reportViolation(partnerId, "COMPETING_PRODUCT");
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        engine.work(TestUsers.MANAGER, confirm, Map.of("confirmed", true, "comment", "核实 verified"));

        JsonNode terminated = kafka.awaitPartnerEvent(partnerId, "bk.partner.terminated").path("data");
        assertThat(terminated.path("trainingFeesRefundable").asBoolean(true)).isFalse();
        assertThat(terminated.path("reason").asText()).contains("COMPETING_PRODUCT");
        assertThat(terminated.path("effectiveOn").asText()).isNotBlank();
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("TERMINATED");
        assertNothingLeftFor(partnerId, before);
    }

    @Test
    void declinedTerminationClosesTheCaseAndChangesNothing() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);

        reportViolation(partnerId, "RULE_BREACH");
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", false, "comment", "误报 false report"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !running("contract-termination", partnerId));
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(running("partner-renewal", partnerId)).isTrue();
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .doesNotContain("bk.partner.terminated");
        assertThat(jdbcClient.sql("""
                        select outcome || ' by ' || decided_by || ': ' || decision_comment
                        from program.termination_request where partner_id = ?""")
                .param(partnerId).query(String.class).list())
                .as("the case keeps who declined it and why")
                .containsExactly("DECLINED by " + TestUsers.MANAGER + ": 误报 false report");
    }

    @Test
    void terminatedPartnerMayApplyAgainAndIsDecidedAfreshWithoutItsOldContract() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        assertThat(apply(Companies.application(partnerId, "COMMUNITY")).getStatusCode().value())
                .as("an active partnership is a conflict").isEqualTo(409);
        revoke(partnerId, certificates.get(0));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        terminateForViolation(partnerId, "RULE_BREACH", "verified");

        assertThat(apply(Companies.application(partnerId, "COMMUNITY")).getStatusCode().value()).isEqualTo(201);
        assertThat(partner(partnerId).path("contract").isNull()).as("the ended contract is not the applicant's")
                .isTrue();
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "second chance"));
        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(engine.claim(TestUsers.MANAGER, sign).getStatusCode().value()).isEqualTo(204);

        // still one engineer short: the minimums hold at first signing, so the new contract cannot be signed yet
        ResponseEntity<String> refused = engine.complete(TestUsers.MANAGER, sign,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("contractSigned", "1/2");
        certify(partnerId, "new-auto", "AUTOMATION", "SERVICE", null);
        awaitConsumed(partnerId);
        ResponseEntity<String> signed = engine.complete(TestUsers.MANAGER, sign,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        assertThat(partner(partnerId).path("evaluation").path("trigger").asText()).isEqualTo("ACTIVATION");
        assertThat(partner(partnerId).path("contract").path("contractId").asText()).isNotBlank();
    }

    @Test
    void raiserCannotConfirmTheirOwnTerminationBySendingAnotherRaiserWithTheCompletion() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        assertThat(engine.post(TestUsers.MANAGER, "/api/partners/" + partnerId + "/terminations",
                Map.of("reason", "resells a competing product")).getStatusCode().value()).isEqualTo(201);
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");

        ResponseEntity<String> tampered = engine.complete(TestUsers.MANAGER, confirm, Map.of("confirmed", true,
                "comment", "me again", "raisedBy", "someone-else"));
        assertThat(tampered.getStatusCode().value()).isEqualTo(400);
        assertThat(tampered.getBody()).contains("raisedBy: not a variable of task confirm-termination");

        ResponseEntity<String> plain = engine.complete(TestUsers.MANAGER, confirm, Map.of("confirmed", true,
                "comment", "me again"));
        assertThat(plain.getStatusCode().value()).isEqualTo(403);
        assertThat(plain.getBody()).contains("Four-eyes");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void completionNamingAnotherPartnerStillDecidesOnlyTheCasesOwnPartner() {
        String partnerId = Companies.newPartnerId();
        String bystander = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        activePartner(bystander, "BRAND", 0, 0);
        reportViolation(partnerId, "RULE_BREACH");

        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        engine.claim(TestUsers.MANAGER, confirm);
        ResponseEntity<String> naming = engine.complete(TestUsers.MANAGER, confirm,
                Map.of("confirmed", true, "comment", "verified", "partnerId", bystander));
        assertThat(naming.getStatusCode().value()).isEqualTo(400);
        assertThat(naming.getBody()).contains("partnerId: not a variable");
        engine.complete(TestUsers.MANAGER, confirm, Map.of("confirmed", true, "comment", "verified"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
        assertThat(partner(bystander).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void feePaidAfterTheApplicantWasTerminatedGoesToFinanceAndRevivesNothing() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(partnerId).activityId("await-fee").count() == 1);
        List<String> before = instanceIds(partnerId);
        terminateForViolation(partnerId, "CERTIFICATION_FRAUD", "fraud");
        assertNothingLeftFor(partnerId, before); // the onboarding waiting for its fee, with its timers

        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount",
                invoice.path("amount").asText(), "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));

        engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("TERMINATED");
        assertThat(jdbcClient.sql("select status from program.invoice where invoice_id = ?")
                .param(invoice.path("invoiceId").asText()).query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void refundOfAnotherCompanysInvoiceTerminatesNobody() {
        String payer = Companies.newPartnerId();
        String claimant = Companies.newPartnerId();
        activePartner(payer, "ENTERPRISE", 3, 3);
        activePartner(claimant, "BRAND", 0, 0);
        String payersInvoice = kafka.awaitPartnerEvent(payer, "bk.partner.invoice-requested").path("data")
                .path("invoiceId").asText();

        kafka.publish(PAYMENTS, claimant, "bk.payment.refunded", Map.of("invoiceId", payersInvoice, "partnerId",
                claimant, "amount", "30000.00", "reason", "wrong invoice"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where partner_id = ? and kind = 'REFUNDED'")
                .param(claimant).query(Long.class).single() == 1);
        assertThat(jdbcClient.sql("select outcome from program.payment where partner_id = ? and kind = 'REFUNDED'")
                .param(claimant).query(String.class).single()).isEqualTo("UNKNOWN_INVOICE");
        assertThat(running("contract-termination", claimant)).isFalse();
        assertThat(running("contract-termination", payer)).isFalse();
        assertThat(jdbcClient.sql("select status from program.invoice where invoice_id = ?").param(payersInvoice)
                .query(String.class).single()).isEqualTo("PAID");
    }

    @Test
    void terminationRaisedByAUserIsConfirmedByAnother() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);

        ResponseEntity<String> byReviewer = engine.post(TestUsers.REVIEWER, "/api/partners/" + partnerId
                + "/terminations", Map.of("reason", "no"));
        ResponseEntity<String> raised = engine.post(TestUsers.MANAGER, "/api/partners/" + partnerId
                + "/terminations", Map.of("reason", "合作方转售竞品 resells a competing product"));
        ResponseEntity<String> again = engine.post(TestUsers.MANAGER, "/api/partners/" + partnerId
                + "/terminations", Map.of("reason", "second report"));

        assertThat(byReviewer.getStatusCode().value()).isEqualTo(403);
        assertThat(raised.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).contains("CASE_ALREADY_OPEN");
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        assertThat(engine.claim(TestUsers.MANAGER, confirm).getStatusCode().value()).isEqualTo(403);
        engine.work(TestUsers.REVIEWER_MANAGER, confirm, Map.of("confirmed", true, "comment", "confirmed"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("contract-termination")
                .processInstanceBusinessKey(partnerId).count()).isZero();
    }

    @Test
    void raiserOfALaterRequestJoiningAnOpenCaseCannotConfirmIt() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        reportViolation(partnerId, "RULE_BREACH"); // the program opens the case: no raiser on its first request
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        ResponseEntity<String> joined = engine.post(TestUsers.MANAGER, "/api/partners/" + partnerId
                + "/terminations", Map.of("reason", "我也举报 I report it too"));
        assertThat(joined.getBody()).contains("CASE_ALREADY_OPEN");

        ResponseEntity<String> claim = engine.claim(TestUsers.MANAGER, confirm);
        ResponseEntity<String> completion = engine.complete(TestUsers.MANAGER, confirm,
                Map.of("confirmed", true, "comment", "confirmed by the raiser"));

        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
        assertThat(completion.getStatusCode().value()).as(completion.getBody()).isEqualTo(403);
        assertThat(completion.getBody()).contains("Four-eyes");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
        engine.work(TestUsers.REVIEWER_MANAGER, confirm, Map.of("confirmed", true, "comment", "verified"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
        assertThat(jdbcClient.sql("select outcome || ' by ' || decided_by from program.termination_request "
                + "where partner_id = ?").param(partnerId).query(String.class).list())
                .as("both requests decided by the other manager")
                .containsExactly("TERMINATED by " + TestUsers.REVIEWER_MANAGER,
                        "TERMINATED by " + TestUsers.REVIEWER_MANAGER);
    }

    @Test
    void aRequestJoiningTheCaseWhileItIsBeingDecidedIsSeenByTheFourEyesRule() throws Exception {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        reportViolation(partnerId, "RULE_BREACH");
        String confirm = engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        assertThat(engine.claim(TestUsers.MANAGER, confirm).getStatusCode().value()).isEqualTo(204);
        String caseId = runtime.createProcessInstanceQuery().processDefinitionKey("contract-termination")
                .processInstanceBusinessKey(partnerId).singleResult().getId();

        try (Connection joining = sessionOfItsOwn()) {
            // the manager's own request joins the case in a transaction not committed yet, as request() does it
            joining.setAutoCommit(false);
            try (PreparedStatement lock = joining.prepareStatement(
                    "select 1 from program.partner where partner_id = ? for update");
                 PreparedStatement join = joining.prepareStatement("""
                         insert into program.termination_request (partner_id, cause, reason, raised_by, requested_at,
                                                                  process_instance_id)
                         values (?, 'RAISED_BY_USER', '我也举报 I report it too', ?, now(), ?)""")) {
                lock.setString(1, partnerId);
                lock.executeQuery().close();
                join.setString(1, partnerId);
                join.setString(2, TestUsers.MANAGER);
                join.setString(3, caseId);
                join.executeUpdate();
            }
            CompletableFuture<ResponseEntity<String>> declining = CompletableFuture.supplyAsync(() -> engine.complete(
                    TestUsers.MANAGER, confirm, Map.of("confirmed", false, "comment", "no breach")));
            await("the decision waits for the request in flight").atMost(Duration.ofSeconds(20))
                    .until(() -> declining.isDone() || waitingOnLocks("%program.partner%for update%") > 0);
            joining.commit();

            ResponseEntity<String> declined = declining.get(30, TimeUnit.SECONDS);
            assertThat(declined.getStatusCode().value()).as(declined.getBody()).isEqualTo(403);
            assertThat(declined.getBody()).contains("Four-eyes");
        }
        tasks.setAssignee(confirm, null); // handed back, as the manager who may not decide it would
        engine.work(TestUsers.REVIEWER_MANAGER, confirm, Map.of("confirmed", false, "comment", "no breach"));
        assertThat(jdbcClient.sql("select count(*) from program.termination_request where partner_id = ? "
                + "and outcome is null").param(partnerId).query(Long.class).single())
                .as("the joining request is decided with the case").isZero();
    }

    @Test
    void refundedServiceFeeOpensATerminationCase() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String invoiceId = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-requested").path("data")
                .path("invoiceId").asText();

        kafka.publish(PAYMENTS, partnerId, "bk.payment.refunded", Map.of("invoiceId", invoiceId, "partnerId",
                partnerId, "amount", "30000.00", "reason", "chargeback"));

        engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        assertThat(jdbcClient.sql("select cause from program.termination_request where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly("FEE_REFUNDED");
    }

    @Test
    void failedPaymentOfAnOverdueRenewalInvoiceOpensATerminationCaseButNotBeforeItIsDue() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = renewalInvoiceOfAnApprovedRenewal(partnerId);

        kafka.publish(PAYMENTS, partnerId, "bk.payment.failed", Map.of("invoiceId", invoiceId, "partnerId", partnerId,
                "reason", "card declined"));
        awaitConsumedPayment(partnerId, "not yet due");
        assertThat(running("contract-termination", partnerId)).as("not overdue yet").isFalse();

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
        try {
            kafka.publish(PAYMENTS, partnerId, "bk.payment.failed", Map.of("invoiceId", invoiceId,
                    "partnerId", partnerId, "reason", "card declined again"));
            await().atMost(Duration.ofSeconds(20)).until(() -> running("contract-termination", partnerId));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(jdbcClient.sql("select cause from program.termination_request where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly("FEE_FAILED");
    }

    @Test
    void failedPaymentOfAnOverdueInvoiceSettledMeanwhileTerminatesNobody() throws Exception {
        String partnerId = Companies.newPartnerId();
        String invoiceId = renewalInvoiceOfAnApprovedRenewal(partnerId);

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
        try (Connection finance = sessionOfItsOwn()) {
            // another transaction settles the overdue invoice (as finance resolving a payment does) while billing
            // reports an earlier attempt to pay it as failed
            finance.setAutoCommit(false);
            try (PreparedStatement settle = finance.prepareStatement(
                    "update program.invoice set status = 'PAID' where invoice_id = ?")) {
                settle.setString(1, invoiceId);
                assertThat(settle.executeUpdate()).isOne();
            }
            kafka.publish(PAYMENTS, partnerId, "bk.payment.failed", Map.of("invoiceId", invoiceId,
                    "partnerId", partnerId, "reason", "card declined"));
            // the failure reads the invoice held (then it waits here) or not (then it decides from the old row)
            await("the failure waits for the invoice, or has decided without it").atMost(Duration.ofSeconds(20))
                    .until(() -> waitingOnLocks("%from program.invoice where invoice_id = %for update%") > 0
                            || running("contract-termination", partnerId));
            finance.commit();
            awaitConsumedPayment(partnerId, "the failure consumed");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(running("contract-termination", partnerId)).as("a paid invoice's failed attempt").isFalse();
        assertThat(jdbcClient.sql("select count(*) from program.termination_request where partner_id = ?")
                .param(partnerId).query(Long.class).single()).isZero();
    }

    @Test
    void violationOfACompanyStillInOnboardingEndsTheApplicationWhenConfirmed() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "COMMUNITY"));
        engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        List<String> before = instanceIds(partnerId);

        terminateForViolation(partnerId, "CERTIFICATION_FRAUD", "fraud");
        assertNothingLeftFor(partnerId, before);
        assertThat(jdbcClient.sql("select status from program.application where partner_id = ?").param(partnerId)
                .query(String.class).list()).containsExactly("CANCELLED");
    }

    @Test
    void terminationDuringTheRenewalReviewLeavesNothingOfTheRenewalBehind() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveRenewalCheckToNow(partnerId);
        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        List<String> before = instanceIds(partnerId);

        terminateForViolation(partnerId, "COMPETING_PRODUCT", "verified");
        assertNothingLeftFor(partnerId, before); // the renewal's review task and its deadline timer
        assertThat(jdbcClient.sql("select count(*) from program.renewal where partner_id = ? and status = 'OPEN'")
                .param(partnerId).query(Long.class).single()).as("no renewal left open").isZero();
        assertThat(engine.post(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/renewal-attestations",
                Map.of("acceptsProgramRules", true, "noCompetingProducts", true)).getStatusCode().value())
                .isEqualTo(409);
    }

    /** Found by the year simulation: a renewal row left open by an earlier partnership blocked the next check. */
    @Test
    void renewalLeftOpenByAnEarlierPartnershipDoesNotBlockTheNextRenewalCheck() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        jdbcClient.sql("""
                        insert into program.renewal (process_instance_id, partner_id, contract_id, contract_ends_on,
                                                     status, opened_at)
                        values ('stale-' || ?, ?, 'BKP-OLD', current_date, 'OPEN', now())""")
                .params(partnerId, partnerId).update();

        moveRenewalCheckToNow(partnerId);

        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        assertThat(jdbcClient.sql("select status from program.renewal where process_instance_id = 'stale-' || ?")
                .param(partnerId).query(String.class).single()).isEqualTo("NOT_RENEWED");
    }

    @Test
    void violationOfACompanyThatIsNoPartnerIsKeptWithoutACase() {
        String partnerId = Companies.newPartnerId();

        reportViolation(partnerId, "RULE_BREACH");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.termination_request where partner_id = ? and outcome = 'NOT_ACTIVE'")
                .param(partnerId).query(Long.class).single() == 1);
        assertThat(running("contract-termination", partnerId)).isFalse();
    }

    @Test
    void malformedViolationReportIsDeadLettered() {
        String partnerId = Companies.newPartnerId();
        String id = kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported",
                Map.of("caseId", "C-1", "partnerId", partnerId, "category", "GOSSIP"));

        var dead = kafka.awaitRecord("bk.compliance.events.DLT", record -> id.equals(
                com.tencent.bk.partner.support.KafkaTestClient.json(record.value()).path("id").asText()));
        assertThat(com.tencent.bk.partner.support.KafkaTestClient.header(dead, "bk-dlt-reason"))
                .contains("data.category must be one of", "data.description is missing");
    }

    private void moveRenewalCheckToNow(String partnerId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> running("partner-renewal", partnerId));
        moveDeadline(partnerId, "renewal-due", "test");
    }

    /** An ACTIVE ENTERPRISE partner whose renewal a manager approved: the renewal invoice it was sent. */
    private String renewalInvoiceOfAnApprovedRenewal(String partnerId) {
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveRenewalCheckToNow(partnerId);
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"),
                Map.of("approved", true, "comment", "ok"));
        await().atMost(Duration.ofSeconds(20)).until(() -> renewalInvoiceId(partnerId) != null);
        return renewalInvoiceId(partnerId);
    }

    private String renewalInvoiceId(String partnerId) {
        return publishedEvents(partnerId).stream()
                .filter(event -> "RENEWAL".equals(event.path("data").path("purpose").asText()))
                .map(event -> event.path("data").path("invoiceId").asText()).findFirst().orElse(null);
    }

    private void awaitConsumedPayment(String partnerId, String what) {
        await(what).atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where partner_id = ? and kind = 'FAILED'").param(partnerId)
                .query(Long.class).single() == 1);
    }

    /** Compliance reports a violation, a manager confirms the termination, the partner is TERMINATED. */
    private void terminateForViolation(String partnerId, String category, String comment) {
        reportViolation(partnerId, category);
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", true, "comment", comment));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
    }

    private void reportViolation(String partnerId, String category) {
        kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported", Map.of(
                "caseId", "CASE-" + partnerId, "partnerId", partnerId, "category", category,
                "description", "reported by the compliance team"));
    }

    private List<String> instanceIds(String partnerId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private boolean running(String processKey, String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(partnerId).count() > 0;
    }

    /** No process, task, job or message subscription of the partner remains. */
    private void assertNothingLeftFor(String partnerId, List<String> formerInstances) {
        await().atMost(Duration.ofSeconds(10)).until(() -> instanceIds(partnerId).isEmpty());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(partnerId).count()).isZero();
        for (String instance : formerInstances) {
            assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();
            assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance).count()).isZero();
        }
    }
}
