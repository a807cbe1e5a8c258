package com.tencent.bk.partner.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Renewal before the contract ends: qualifications re-checked (a Trial partner must have reached the full
 * enterprise headcount), review, fee, re-signing and a new term — or expiry. Deadlines are brought forward
 * through the deadline API, as an operator would, and the job executor fires them.
 */
class RenewalTest extends ServiceIntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Test
    void trialPartnerWithoutTheFullEnterpriseHeadcountIsNotRenewedAndExpiresAtTheContractEnd() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String contractId = partner(partnerId).path("contract").path("contractId").asText();

        moveDeadline(partnerId, "renewal-due", "试用期满复核 trial year review");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("qualification-deadline-passed"));
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .as("the year is not over: the Trial partner may still reach the headcount").doesNotContain(
                        "bk.partner.not-renewed");

        moveDeadline(partnerId, "qualification-deadline-passed", "试用期满 trial year over");
        JsonNode notRenewed = kafka.awaitPartnerEvent(partnerId, "bk.partner.not-renewed").path("data");
        assertThat(notRenewed.path("reason").asText()).contains("Trial partner did not reach");
        assertThat(notRenewed.path("contractId").asText()).isEqualTo(contractId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(partner(partnerId).path("status").asText()));
        JsonNode changes = EngineRestClient.read(engine.get(TestUsers.MANAGER,
                "/api/partners/" + partnerId + "/deadlines/changes").getBody());
        assertThat(changes.findValuesAsText("timer")).containsExactly("qualification-deadline-passed", "renewal-due");
        assertThat(changes.findValuesAsText("changedBy")).containsOnly(TestUsers.MANAGER);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).count()).isZero();
    }

    @Test
    void trialPartnerReachingTheEnterpriseHeadcountAfterTheRenewalCheckIsStillRenewed() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        moveDeadline(partnerId, "renewal-due", "试用期满复核 trial year review");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("qualification-deadline-passed"));

        // within its first year, after the renewal check, the company certifies the engineers it was missing
        for (int i = 3; i < 5; i++) {
            certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
        }

        String review = engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        assertThat(review).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> "LEVEL_3".equals(partner(partnerId).path("level").asText()));
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .doesNotContain("bk.partner.not-renewed");
        assertThat(deadlines(partnerId).findValuesAsText("timer")).contains("renewal-review-deadline-passed")
                .doesNotContain("qualification-deadline-passed");
    }

    @Test
    void levelPartnerIsReviewedPaysTheRenewalFeeSignsAndStartsANewTerm() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        JsonNode firstContract = partner(partnerId).path("contract");

        moveDeadline(partnerId, "renewal-due", "renew now");
        String review = engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");
        // a renewal task follows up at the end of the contract: the first instant after its last day
        String followUp = EngineRestClient.read(engine.get(TestUsers.MANAGER, "/engine-rest/task/" + review)
                .getBody()).path("followUp").asText();
        assertThat(java.time.OffsetDateTime.parse(followUp, java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .isEqualTo(LocalDate.parse(firstContract.path("endsOn").asText()).plusDays(1)
                        .atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant());
        engine.work(TestUsers.MANAGER, review, Map.of("approved", true, "comment", "续约 renew"));
        await().atMost(Duration.ofSeconds(20)).until(() -> renewalInvoice(partnerId) != null);
        JsonNode invoice = renewalInvoice(partnerId);
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount", invoice.path("amount").asText(),
                "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));
        attest(partnerId);
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal"),
                Map.of("contractSigned", true, "contractId", "BKP-RENEWED-" + partnerId));

        JsonNode renewed = kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed").path("data");
        assertThat(renewed.path("contractId").asText()).isEqualTo("BKP-RENEWED-" + partnerId);
        await().atMost(Duration.ofSeconds(10)).until(() -> ("BKP-RENEWED-" + partnerId)
                .equals(partner(partnerId).path("contract").path("contractId").asText()));
        JsonNode contract = partner(partnerId).path("contract");
        assertThat(LocalDate.parse(contract.path("startsOn").asText()))
                .isEqualTo(LocalDate.parse(firstContract.path("endsOn").asText()).plusDays(1));
        assertThat(partner(partnerId).path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("partner-renewal")
                .processInstanceBusinessKey(partnerId).count()).as("the next term's renewal").isEqualTo(1);
        JsonNode benefits = kafka.awaitPartnerEvent(partnerId, "bk.partner.benefits-changed").path("data");
        assertThat(benefits.path("reason").asText()).as("the new term's benefits, announced again")
                .isEqualTo("RENEWED");
        assertThat(benefits.path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(benefits.path("benefits").toString()).contains("SELL_ENTERPRISE_EDITION");
    }

    @Test
    void renewalFeeNotPaidByTheContractEndLetsThePartnershipExpire() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"),
                Map.of("approved", true, "comment", "ok"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("renewal-fee-deadline-passed"));

        moveDeadline(partnerId, "renewal-fee-deadline-passed", "end now");

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(partner(partnerId).path("status").asText()));
        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.not-renewed").path("data").path("reason").asText())
                .contains("not paid");
        JsonNode benefits = kafka.awaitPartnerEvent(partnerId, "bk.partner.benefits-changed").path("data");
        assertThat(benefits.path("reason").asText()).as("the benefits end with the partnership").isEqualTo("EXPIRED");
        assertThat(benefits.path("benefits").size()).isZero();
    }

    @Test
    void delayedRenewalMovesEveryLaterDeadlineOfTheRenewalAndTheExpiryDate() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 5, 5);
        LocalDate contractEndsOn = LocalDate.parse(partner(partnerId).path("contract").path("endsOn").asText());
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal");

        // the renewal is delayed a month past the contract's end
        var delayedTo = contractEndsOn.plusDays(31).atStartOfDay(ProgramClock.PROGRAM_ZONE).toOffsetDateTime();
        // given in program time, as the README shows it: "2027-03-01T00:00:00+08:00"
        assertThat(putDeadline(TestUsers.MANAGER, partnerId, "renewal-review-deadline-passed", Map.of(
                "dueAt", delayedTo.toString(), "reason", "续约谈判延期 negotiation delayed")).getStatusCode().value())
                .isEqualTo(200);
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"),
                Map.of("approved", true, "comment", "ok"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("renewal-fee-deadline-passed"));
        assertThat(Instant.parse(dueAt(partnerId, "renewal-fee-deadline-passed")))
                .as("the fee deadline follows the delayed renewal, not the original contract end")
                .isEqualTo(delayedTo.toInstant());

        moveDeadline(partnerId, "renewal-fee-deadline-passed", "unpaid");
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(partner(partnerId).path("status").asText()));
        assertThat(LocalDate.parse(kafka.awaitPartnerEvent(partnerId, "bk.partner.not-renewed").path("data")
                .path("endsOn").asText())).as("the partnership ended when the moved deadline passed")
                .isEqualTo(LocalDate.now(ProgramClock.PROGRAM_ZONE));
    }

    @Test
    void brandPartnerIsRenewedWithoutAFee() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);
        moveDeadline(partnerId, "renewal-due", "renew now");
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "review-renewal"),
                Map.of("approved", true, "comment", "ok"));
        attest(partnerId);
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-renewal"),
                Map.of("contractSigned", true, "contractId", ""));

        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.renewed").path("data").path("contractId").asText())
                .startsWith("BKP-");
    }

    @Test
    void onlyManagersMoveDeadlinesAndBadRequestsAreNamed() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "BRAND", 0, 0);

        ResponseEntity<String> byReviewer = putDeadline(TestUsers.REVIEWER, partnerId, "renewal-due",
                Map.of("dueAt", Instant.now().toString(), "reason", "x"));
        ResponseEntity<String> invalid = putDeadline(TestUsers.MANAGER, partnerId, "renewal-due", Map.of("reason", " "));
        ResponseEntity<String> unknown = putDeadline(TestUsers.MANAGER, partnerId, "no-such-timer",
                Map.of("dueAt", Instant.now().toString(), "reason", "x"));

        assertThat(byReviewer.getStatusCode().value()).isEqualTo(403);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(EngineRestClient.read(invalid.getBody()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("dueAt", "reason");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(deadlines(partnerId).findValuesAsText("timer")).contains("renewal-due");
    }

    @Test
    void anAttestationHoldsItsRenewalUntilItIsRecordedSoTheRenewalCannotCloseMeanwhile() throws Exception {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 10, 10);
        moveDeadline(partnerId, "renewal-due", "续约复核 renewal review");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.renewal where partner_id = ? and status = 'OPEN'")
                .param(partnerId).query(Long.class).single() == 1);
        // the attestation's insert is slowed down (this partner only), the moment a closing renewal could slip in
        String pause = "test_pause_" + partnerId.toLowerCase(java.util.Locale.ROOT);
        jdbcClient.sql("""
                create function program.%s() returns trigger language plpgsql as $$
                begin
                    if new.partner_id = '%s' then perform pg_sleep(4); end if;
                    return new;
                end $$""".formatted(pause, partnerId)).update();
        jdbcClient.sql("create trigger %s before insert on program.renewal_attestation for each row execute function "
                .formatted(pause) + "program.%s()".formatted(pause)).update();
        try {
            CompletableFuture<ResponseEntity<String>> attesting = CompletableFuture.supplyAsync(() -> engine.post(
                    TestUsers.WEBSITE, "/api/partners/" + partnerId + "/renewal-attestations",
                    Map.of("acceptsProgramRules", true, "noCompetingProducts", true)));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                    "select count(*) from pg_stat_activity where wait_event = 'PgSleep'").query(Long.class).single() > 0);
            assertThatThrownBy(() -> jdbcClient.sql(
                    "select 1 from program.renewal where partner_id = ? and status = 'OPEN' for update nowait")
                    .param(partnerId).query(Integer.class).list())
                    .as("the renewal is held while its attestation is recorded").hasMessageContaining("could not obtain lock");
            ResponseEntity<String> attested = attesting.get(30, TimeUnit.SECONDS);
            assertThat(attested.getStatusCode().value()).as(attested.getBody()).isEqualTo(201);
        } finally {
            jdbcClient.sql("drop trigger %s on program.renewal_attestation".formatted(pause)).update();
            jdbcClient.sql("drop function program.%s()".formatted(pause)).update();
        }
    }

    /** The website confirms the attestations for the new term, as a renewal needs before it is signed. */
    private void attest(String partnerId) {
        ResponseEntity<String> attested = engine.post(TestUsers.WEBSITE,
                "/api/partners/" + partnerId + "/renewal-attestations",
                Map.of("acceptsProgramRules", true, "noCompetingProducts", true));
        assertThat(attested.getStatusCode().value()).as(attested.getBody()).isEqualTo(201);
    }

    private JsonNode renewalInvoice(String partnerId) {
        return publishedEvents(partnerId).stream()
                .filter(event -> "RENEWAL".equals(event.path("data").path("purpose").asText()))
                .findFirst().map(event -> event.path("data")).orElse(null);
    }

    private String dueAt(String partnerId, String timer) {
        for (JsonNode deadline : deadlines(partnerId)) {
            if (timer.equals(deadline.path("timer").asText())) {
                return deadline.path("dueAt").asText();
            }
        }
        throw new AssertionError("no running timer " + timer);
    }
}
