package com.tencent.bk.partner.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.DueTimers;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11: a renewal decides on the facts of the day it decides (headcount, level, attestations), its invoice
 * never falls due after the partnership ends and is reminded like onboarding's, money paid for a renewal that
 * does not happen has an owner, and a qualification committed while the renewal check runs is not lost.
 */
class RenewalOnCurrentFactsTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // 1. the renewal invoice

    @Test
    void renewalReviewedDaysBeforeThePartnershipEndsIsInvoicedDueByItsLastDayAndRemindedAtOnce() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        // the partnership now ends in 5 days: its last day is the 4th from today
        LocalDate lastDay = LocalDate.now(ProgramClock.PROGRAM_ZONE).plusDays(4);
        Instant endsAt = lastDay.plusDays(1).atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant();
        assertThat(putDeadline(TestUsers.MANAGER, partnerId, "renewal-review-deadline-passed", Map.of("dueAt",
                endsAt.toString(), "reason", "合同即将到期 contract about to end")).getStatusCode().value()).isEqualTo(200);

        approveReview(partnerId);

        JsonNode invoice = awaitRenewalInvoice(partnerId);
        assertThat(LocalDate.parse(invoice.path("dueOn").asText()))
                .as("never due after the last day of the partnership it renews").isBeforeOrEqualTo(lastDay);
        JsonNode reminder = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-reminder").path("data");
        assertThat(reminder.path("invoiceId").asText()).as("due within the reminder period: reminded at once")
                .isEqualTo(invoice.path("invoiceId").asText());
    }

    @Test
    void unpaidRenewalInvoiceIsRemindedBeforeItIsDue() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        approveReview(partnerId);
        JsonNode invoice = awaitRenewalInvoice(partnerId);
        String renewal = renewalInstance(partnerId);
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createExecutionQuery().processInstanceId(renewal)
                .activityId("await-renewal-fee").count() == 1);
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .doesNotContain("bk.partner.invoice-reminder");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(24, ChronoUnit.DAYS)));
        executeDueTimers(renewal);

        JsonNode reminder = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-reminder").path("data");
        assertThat(reminder.path("invoiceId").asText()).isEqualTo(invoice.path("invoiceId").asText());
        assertThat(runtime.createExecutionQuery().processInstanceId(renewal).activityId("await-renewal-fee").count())
                .as("still waiting for the fee after the reminder").isEqualTo(1);
    }

    // 2. current numbers

    @Test
    void levelRaisedAfterTheRenewalCheckIsKeptWhenTheRenewalIsSigned() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");

        // after the check (LEVEL_3), the company certifies enough engineers for LEVEL_2
        for (int i = 5; i < 10; i++) {
            certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "LEVEL_2".equals(partner(partnerId).path("level").asText()));

        approveReview(partnerId);
        payRenewal(partnerId);
        attest(partnerId);
        signRenewal(partnerId);

        kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed");
        assertThat(partner(partnerId).path("level").asText()).as("renewed at the level the partner holds now")
                .isEqualTo("LEVEL_2");
    }

    @Test
    void partnerShortOfItsLevelAtRenewalIsRenewedAtTheLevelItQualifiesForAndTheChangeIsAnnounced() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "ENTERPRISE", 10, 10);
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("LEVEL_2");
        moveDeadline(partnerId, "renewal-due", "renew now");
        approveReview(partnerId);
        payRenewal(partnerId);
        attest(partnerId);

        // before signing, five automation engineers leave: LEVEL_3 numbers, still renewable
        for (int i = 0; i < 5; i++) {
            revoke(partnerId, certificates.get(i));
        }
        awaitConsumed(partnerId);
        signRenewal(partnerId);

        kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed");
        await().atMost(Duration.ofSeconds(20)).until(() -> "LEVEL_3".equals(partner(partnerId).path("level").asText()));
        JsonNode changed = kafka.awaitPartnerEvent(partnerId, "bk.partner.level-changed").path("data");
        assertThat(changed.path("from").asText()).isEqualTo("LEVEL_2");
        assertThat(changed.path("to").asText()).isEqualTo("LEVEL_3");
        assertThat(changed.path("reason").asText()).containsIgnoringCase("renew");
    }

    @Test
    void partnerFallingShortAfterTheCheckIsNotRenewedOnApprovalButWaitsForItsQualification() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        revoke(partnerId, certificates.get(0));
        revoke(partnerId, certificates.get(1));
        awaitConsumed(partnerId);

        approveReview(partnerId);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("qualification-deadline-passed"));
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("data").path("purpose").asText())
                .as("no renewal fee for a partner that does not qualify").doesNotContain("RENEWAL");

        certify(partnerId, "auto-again-0", "AUTOMATION", "SERVICE", null);
        certify(partnerId, "auto-again-1", "AUTOMATION", "SERVICE", null);
        assertThat(engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"))
                .as("qualified again before the end: reviewed again").isNotBlank();
    }

    @Test
    void partnerFallingShortBeforeSigningCannotBeSignedUntilItQualifiesAgain() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        moveDeadline(partnerId, "renewal-due", "renew now");
        approveReview(partnerId);
        attest(partnerId);
        String signing = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal");
        revoke(partnerId, certificates.get(2));
        awaitConsumed(partnerId);

        ResponseEntity<String> refused = engine.complete(TestUsers.MANAGER, signing,
                Map.of("contractSigned", true, "contractId", ""));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(refused.getBody()).contains("qualif");
        assertThat(engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal")).isEqualTo(signing);
        certify(partnerId, "dev-again", "DEVELOPMENT", null, null);
        awaitConsumed(partnerId);
        signRenewal(partnerId);
        kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed");
    }

    @Test
    void renewalIsSignedOnlyAfterThePartnerConfirmedTheAttestationsForTheNewTerm() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        assertThat(postAttestations(partnerId, Map.of("acceptsProgramRules", true, "noCompetingProducts", true))
                .getStatusCode().value()).as("no renewal open yet").isEqualTo(409);
        moveDeadline(partnerId, "renewal-due", "renew now");
        approveReview(partnerId);
        String signing = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal");

        ResponseEntity<String> unattested = engine.complete(TestUsers.MANAGER, signing,
                Map.of("contractSigned", true, "contractId", ""));
        assertThat(unattested.getStatusCode().value()).as(unattested.getBody()).isEqualTo(409);
        assertThat(unattested.getBody()).contains("attestation");

        Map<String, Object> bad = new HashMap<>();
        bad.put("acceptsProgramRules", false);
        ResponseEntity<String> invalid = postAttestations(partnerId, bad);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(EngineRestClient.read(invalid.getBody()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("acceptsProgramRules", "noCompetingProducts");

        attest(partnerId);
        signRenewal(partnerId);
        kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed");
        assertThat(jdbcClient.sql("select submitted_by from program.renewal_attestation where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly(TestUsers.WEBSITE);
    }

    // 3. money with no owner

    @Test
    void paidRenewalThatIsNotSignedLeavesItsMoneyRecordedToBeReturned() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        approveReview(partnerId);
        String invoiceId = payRenewal(partnerId);

        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal"),
                Map.of("contractSigned", false, "comment", "合作方放弃续约 partner withdrew"));

        kafka.awaitPartnerEvent(partnerId, "bk.partner.not-renewed");
        await().atMost(Duration.ofSeconds(20)).until(() -> !toBeReturned(partnerId).isEmpty());
        Map<String, Object> returned = toBeReturned(partnerId).get(0);
        assertThat(returned).containsEntry("invoice_id", invoiceId).containsEntry("outcome_reason", "RENEWAL_NOT_SIGNED")
                .containsEntry("decided_by", TestUsers.MANAGER);

        // billing sends the money back: that refund is the return, not a breach of the partnership still running
        String paid = jdbcClient.sql("select amount::text from program.invoice where invoice_id = ?").param(invoiceId)
                .query(String.class).single();
        String refund = kafka.publish(PAYMENTS, partnerId, "bk.payment.refunded", Map.of("invoiceId", invoiceId,
                "partnerId", partnerId, "amount", paid, "reason", "renewal not signed"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where event_id = ?").param(refund).query(Long.class).single() == 1);
        assertThat(jdbcClient.sql("select count(*) from program.termination_request where partner_id = ?")
                .param(partnerId).query(Long.class).single()).isZero();
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
    }

    // 4. the qualification race

    /**
     * The renewal check reads the headcount, finds the partner short and subscribes to {@code PartnerQualified};
     * the certificates that qualify it commit in between. Held deterministically: the test locks the renewal's
     * execution row, so the check transaction runs its delegate and then waits at its flush, before its
     * subscription commits; the certificate batch is sent exactly then.
     */
    @Test
    void qualificationCommittedWhileTheRenewalCheckRunsIsNotLost() throws Exception {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String renewal = renewalInstance(partnerId);
        Job renewalDue = management.createJobQuery().processInstanceId(renewal).timers().singleResult();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select id_ from act_ru_execution where id_ = ? for update")) {
                lock.setString(1, renewal);
                lock.executeQuery().close();
            }
            management.setJobDuedate(renewalDue.getId(), Date.from(Instant.now().minusSeconds(1)));
            // the check has run and its transaction waits to write the process state
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks("%act_ru_execution%") >= 1);

            for (int i = 3; i < 5; i++) {
                certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null);
                certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
            }
            // the certificate batch either committed or waits for the renewal check to commit first
            await().atMost(Duration.ofSeconds(30)).until(() -> validCertificates(partnerId) == 10
                    || waitingOnLocks("%from program.partner%") >= 1);
            holder.rollback();
        }

        assertThat(engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"))
                .as("qualified before the subscription committed: still reaches review").isNotBlank();
    }

    // helpers

    private long validCertificates(String partnerId) {
        return jdbcClient.sql("select count(*) from program.certificate where partner_id = ? and status = 'VALID'")
                .param(partnerId).query(Long.class).single();
    }

    private List<Map<String, Object>> toBeReturned(String partnerId) {
        return jdbcClient.sql("""
                        select p.invoice_id, c.outcome_reason, c.decided_by from program.payment_case c
                        join program.payment p on p.payment_id = c.payment_id
                        where c.partner_id = ? and c.outcome = 'TO_BE_RETURNED'""")
                .param(partnerId).query().listOfRows();
    }

    private void approveReview(String partnerId) {
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"),
                Map.of("approved", true, "comment", "续约 renew"));
    }

    private void signRenewal(String partnerId) {
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal"),
                Map.of("contractSigned", true, "contractId", ""));
    }

    /** Pays the renewal invoice in full; returns its id. */
    private String payRenewal(String partnerId) {
        JsonNode invoice = awaitRenewalInvoice(partnerId);
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount", invoice.path("amount").asText(),
                "currency", invoice.path("currency").asText(), "paidAt", "2026-11-24T08:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(jdbcClient.sql(
                "select status from program.invoice where invoice_id = ?").param(invoice.path("invoiceId").asText())
                .query(String.class).single()));
        return invoice.path("invoiceId").asText();
    }

    private void attest(String partnerId) {
        ResponseEntity<String> attested = postAttestations(partnerId,
                Map.of("acceptsProgramRules", true, "noCompetingProducts", true));
        assertThat(attested.getStatusCode().value()).as(attested.getBody()).isEqualTo(201);
    }

    private ResponseEntity<String> postAttestations(String partnerId, Map<String, Object> body) {
        return engine.post(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/renewal-attestations", body);
    }

    private JsonNode awaitRenewalInvoice(String partnerId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> renewalInvoice(partnerId) != null);
        return renewalInvoice(partnerId);
    }

    private JsonNode renewalInvoice(String partnerId) {
        return publishedEvents(partnerId).stream()
                .filter(event -> "RENEWAL".equals(event.path("data").path("purpose").asText()))
                .findFirst().map(event -> event.path("data")).orElse(null);
    }

    private String renewalInstance(String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("partner-renewal")
                .processInstanceBusinessKey(partnerId).singleResult().getId();
    }

    private void executeDueTimers(String processInstanceId) {
        DueTimers.fire(management, processInstanceId);
    }
}
