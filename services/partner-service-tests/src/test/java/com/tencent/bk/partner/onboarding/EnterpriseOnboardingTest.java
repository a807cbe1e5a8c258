package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprise applicants: certified headcount from Kafka, review and a four-eyes approval, the service fee
 * requested from and paid by billing over Kafka, signing, activation at the level the headcount earns.
 */
class EnterpriseOnboardingTest extends ServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void enterpriseApplicantIsReviewedApprovedByAnotherManagerPaysAndBecomesActiveAtLevel3() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 5);
        awaitHeadcount(partnerId, 5);

        assertThat(apply(Companies.application(partnerId, "ENTERPRISE")).getStatusCode().value()).isEqualTo(201);
        String review = engine.awaitTask(TestUsers.REVIEWER_MANAGER, partnerId, "review-application");
        engine.work(TestUsers.REVIEWER_MANAGER, review, Map.of("approved", true, "comment", "资质齐全 complete"));

        String approval = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");
        ResponseEntity<String> selfApproval = engine.claim(TestUsers.REVIEWER_MANAGER, approval);
        assertThat(selfApproval.getStatusCode().value()).isEqualTo(403);
        assertThat(selfApproval.getBody()).contains("Four-eyes");
        ResponseEntity<String> selfCompletion = engine.complete(TestUsers.REVIEWER_MANAGER, approval,
                Map.of("approved", true));
        assertThat(selfCompletion.getStatusCode().value()).as("completing without claiming is refused as well")
                .isEqualTo(403);
        assertThat(selfCompletion.getBody()).contains("Four-eyes");
        engine.work(TestUsers.MANAGER, approval, Map.of("approved", true, "comment", "同意 agreed"));

        JsonNode invoice = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-requested").path("data");
        assertThat(invoice.path("purpose").asText()).isEqualTo("ONBOARDING");
        assertThat(invoice.path("amount").asText()).isEqualTo("50000.00");
        assertThat(invoice.path("currency").asText()).isEqualTo("CNY");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_PAYMENT");

        Map<String, Object> payment = payment(partnerId, invoice.path("invoiceId").asText(), "50000.00");
        kafka.publish(PAYMENTS, partnerId, com.tencent.bk.partner.support.KafkaTestClient
                .envelope("pay-" + UUID.randomUUID(), "/bk/billing", "bk.payment.received", payment));

        String sign = engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        engine.work(TestUsers.MANAGER, sign, Map.of("contractSigned", true, "contractId", ""));

        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        JsonNode active = partner(partnerId);
        assertThat(active.path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(active.path("headcount").path("automationService").asInt()).isEqualTo(5);
        assertThat(active.path("contract").path("contractId").asText()).startsWith("BKP-");
        JsonNode activated = kafka.awaitPartnerEvent(partnerId, "bk.partner.activated").path("data");
        assertThat(activated.path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(activated.path("benefits").toString()).contains("SELL_ENTERPRISE_EDITION");
        assertThat(java.time.LocalDate.parse(activated.path("endsOn").asText()))
                .isEqualTo(java.time.LocalDate.parse(activated.path("startsOn").asText()).plusYears(1).minusDays(1));
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText()).containsExactly(
                "bk.partner.application-received", "bk.partner.approved", "bk.partner.invoice-requested",
                "bk.partner.activated");
    }

    @Test
    void reviewerCannotApproveTheirOwnReviewBySendingAnotherReviewerWithTheCompletion() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitHeadcount(partnerId, 3);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        engine.work(TestUsers.REVIEWER_MANAGER, engine.awaitTask(TestUsers.REVIEWER_MANAGER, partnerId,
                "review-application"), Map.of("approved", true, "comment", "ok"));
        String approval = engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application");

        ResponseEntity<String> tampered = engine.complete(TestUsers.REVIEWER_MANAGER, approval,
                Map.of("approved", true, "comment", "ok", "reviewedBy", TestUsers.MANAGER));
        assertThat(tampered.getStatusCode().value()).isEqualTo(400);
        assertThat(tampered.getBody()).contains("reviewedBy: not a variable of task approve-application");

        ResponseEntity<String> plain = engine.complete(TestUsers.REVIEWER_MANAGER, approval,
                Map.of("approved", true, "comment", "ok"));
        assertThat(plain.getStatusCode().value()).isEqualTo(403);
        assertThat(plain.getBody()).contains("Four-eyes");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void redeliveredPaymentHasNoSecondEffect() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitHeadcount(partnerId, 3);
        String invoiceId = approveEnterpriseUntilInvoice(partnerId);

        var paid = com.tencent.bk.partner.support.KafkaTestClient.envelope("pay-" + UUID.randomUUID(), "/bk/billing",
                "bk.payment.received", payment(partnerId, invoiceId, "30000.00"));
        kafka.publish(PAYMENTS, partnerId, paid);
        kafka.publish(PAYMENTS, partnerId, paid); // the same (source, id) again, at another offset
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        // a marker after the duplicate: once it is handled, the duplicate was too (same partition, in order)
        String marker = kafka.publish(PAYMENTS, partnerId, "bk.payment.failed",
                Map.of("invoiceId", invoiceId, "partnerId", partnerId, "reason", "marker"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from program.payment where event_id = ?",
                marker) == 1);

        assertThat(count("select count(*) from program.payment where invoice_id = ? and kind = 'RECEIVED'", invoiceId))
                .isEqualTo(1);
        assertThat(count("select count(*) from program.processed_event where event_id = ?", paid.path("id").asText()))
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("payment-exception")
                .processInstanceBusinessKey(partnerId).count()).isZero();
    }

    @Test
    void paymentThatArrivesBeforeTheProcessWaitsIsKeptAndApplied() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitHeadcount(partnerId, 3);
        // hold the step that makes the process wait, as a busy job executor would
        management.suspendJobDefinitionByProcessDefinitionKey("partner-onboarding", true);
        try {
            String invoiceId = approveEnterpriseUntilInvoice(partnerId);
            kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, invoiceId, "30000.00"));
            await().atMost(Duration.ofSeconds(20)).until(() -> count(
                    "select count(*) from program.invoice where invoice_id = ? and status = 'PAID'", invoiceId) == 1);
            assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(partnerId).activityId("await-fee")
                    .count()).as("the process has not reached its wait yet").isZero();
        } finally {
            management.activateJobDefinitionByProcessDefinitionKey("partner-onboarding", true);
        }
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
    }

    @Test
    void shortPaymentIsKeptForFinanceWhoCanAcceptItAsSettling() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitHeadcount(partnerId, 3);
        String invoiceId = approveEnterpriseUntilInvoice(partnerId);

        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, invoiceId, "29000.00"));
        String resolve = engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).extracting(task -> task.path("taskDefinitionKey")
                .asText()).doesNotContain("resolve-payment", "sign-contract");
        assertThat(count("select count(*) from program.invoice where invoice_id = ? and status = 'OPEN'", invoiceId))
                .isEqualTo(1);

        engine.work(TestUsers.FINANCE, resolve, Map.of("acceptPayment", true, "comment", "差额已线下补齐 settled offline"));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
    }

    @Test
    void paymentForAnUnknownInvoiceBecomesAFinanceTask() {
        String partnerId = Companies.newPartnerId();
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, "INV-NOPE-1", "100.00"));

        String resolve = engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        assertThat(resolve).isNotBlank();
        assertThat(count("select count(*) from program.payment where invoice_id = 'INV-NOPE-1' and outcome = "
                + "'UNKNOWN_INVOICE'")).isEqualTo(1);
    }

    /** Applies as ENTERPRISE, review and approval by two people; returns the requested invoice's id. */
    private String approveEnterpriseUntilInvoice(String partnerId) {
        return enterpriseApplicantAwaitingFee(partnerId).path("invoiceId").asText();
    }

    private void awaitHeadcount(String partnerId, int engineers) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from program.certificate where partner_id = ? and granted", partnerId) == 2L * engineers);
    }

    private static Map<String, Object> payment(String partnerId, String invoiceId, String amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoiceId", invoiceId);
        data.put("partnerId", partnerId);
        data.put("amount", amount);
        data.put("currency", "CNY");
        data.put("paidAt", "2026-11-24T08:00:00Z");
        return data;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
