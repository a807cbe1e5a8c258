package com.tencent.bk.partner.billing;

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
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A {@code payment-exception} case settles at most the invoice its own payment named, and only when that
 * payment can settle it; whatever finance decides, the money ends with an owner on the case's row
 * ({@code program.payment_case}): settled, or to be returned, with who decided and why.
 */
class PaymentCaseAbuseTest extends ServiceIntegrationTest {

    @Test
    void financeCannotSettleAnotherCompanysInvoiceThroughTheirCase() {
        String victim = Companies.newPartnerId();
        String victimsInvoice = enterpriseAwaitingFee(victim).path("invoiceId").asText();
        String payer = Companies.newPartnerId();
        String payment = kafka.publish(PAYMENTS, payer, "bk.payment.received",
                payment(payer, "INV-NOPE-" + UUID.randomUUID(), "0.01"));
        String resolve = engine.awaitTask(TestUsers.FINANCE, payer, "resolve-payment");

        assertThat(engine.claim(TestUsers.FINANCE, resolve).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> completion = engine.complete(TestUsers.FINANCE, resolve, Map.of("acceptPayment", true,
                "comment", "核对无误 checked", "invoiceId", victimsInvoice));

        // 400 once completions are restricted to their declared variables; the case itself must not need that
        assertThat(completion.getStatusCode().value()).as(completion.getBody()).isIn(204, 400);
        assertThat(invoiceStatus(victimsInvoice)).isEqualTo("OPEN");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "AWAITING_PAYMENT".equals(partner(victim).path("status").asText()));
        if (completion.getStatusCode().value() == 204) {
            assertThat(caseOf(payment)).isEqualTo("TO_BE_RETURNED UNKNOWN_INVOICE by " + TestUsers.FINANCE
                    + ": 核对无误 checked");
        }
    }

    @Test
    void acceptingAPaymentThatNamesAnotherCompanysInvoiceSettlesNothing() {
        String victim = Companies.newPartnerId();
        String victimsInvoice = enterpriseAwaitingFee(victim).path("invoiceId").asText();
        String payer = Companies.newPartnerId();
        String payment = kafka.publish(PAYMENTS, payer, "bk.payment.received",
                payment(payer, victimsInvoice, "30000.00"));

        engine.work(TestUsers.FINANCE, engine.awaitTask(TestUsers.FINANCE, payer, "resolve-payment"),
                Map.of("acceptPayment", true, "comment", "ok"));

        assertThat(invoiceStatus(victimsInvoice)).isEqualTo("OPEN");
        assertThat(caseOf(payment)).isEqualTo("TO_BE_RETURNED ANOTHER_PARTNERS_INVOICE by " + TestUsers.FINANCE
                + ": ok");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "AWAITING_PAYMENT".equals(partner(victim).path("status").asText()));
    }

    @Test
    void acceptingAPaymentWhoseInvoiceIsNoLongerOpenRecordsItAsToBeReturned() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = enterpriseAwaitingFee(partnerId).path("invoiceId").asText();
        String shortPayment = kafka.publish(PAYMENTS, partnerId, "bk.payment.received",
                payment(partnerId, invoiceId, "29000.00"));
        String resolve = engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, invoiceId, "30000.00"));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");

        engine.work(TestUsers.FINANCE, resolve, Map.of("acceptPayment", true, "comment", "accept"));

        assertThat(caseOf(shortPayment)).isEqualTo("TO_BE_RETURNED INVOICE_NOT_OPEN by " + TestUsers.FINANCE
                + ": accept");
        assertThat(engine.tasks(TestUsers.MANAGER, partnerId)).as("no second effect of the fee")
                .filteredOn(task -> "sign-contract".equals(task.path("taskDefinitionKey").asText())).hasSize(1);
    }

    @Test
    void acceptingAPaymentFarShortOfItsInvoiceSettlesNothing() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = enterpriseAwaitingFee(partnerId).path("invoiceId").asText();
        String payment = kafka.publish(PAYMENTS, partnerId, "bk.payment.received",
                payment(partnerId, invoiceId, "0.01"));

        engine.work(TestUsers.FINANCE, engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment"),
                Map.of("acceptPayment", true, "comment", "ok"));

        assertThat(invoiceStatus(invoiceId)).isEqualTo("OPEN");
        assertThat(caseOf(payment)).isEqualTo("TO_BE_RETURNED SHORT_PAYMENT by " + TestUsers.FINANCE + ": ok");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void acceptedShortPaymentSettlesItsOwnInvoiceAndKeepsWhoDecided() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = enterpriseAwaitingFee(partnerId).path("invoiceId").asText();
        String payment = kafka.publish(PAYMENTS, partnerId, "bk.payment.received",
                payment(partnerId, invoiceId, "29000.00"));

        engine.work(TestUsers.FINANCE, engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment"),
                Map.of("acceptPayment", true, "comment", "差额已线下补齐 settled offline"));

        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(caseOf(payment)).isEqualTo("SETTLED " + invoiceId + " by " + TestUsers.FINANCE
                + ": 差额已线下补齐 settled offline");
    }

    @Test
    void declinedPaymentIsRecordedAsToBeReturnedWithTheReason() {
        String partnerId = Companies.newPartnerId();
        String payment = kafka.publish(PAYMENTS, partnerId, "bk.payment.received",
                payment(partnerId, "INV-NOPE-" + UUID.randomUUID(), "500.00"));

        engine.work(TestUsers.FINANCE, engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment"),
                Map.of("acceptPayment", false, "comment", "付款方不明，退回 unknown payer, return it"));

        assertThat(caseOf(payment)).isEqualTo("TO_BE_RETURNED DECLINED by " + TestUsers.FINANCE
                + ": 付款方不明，退回 unknown payer, return it");
    }

    @Test
    void caseOpenedBeforeCasesHadRowsIsBoundToItsOwnPaymentWhenDecided() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = enterpriseAwaitingFee(partnerId).path("invoiceId").asText();
        String payment = kafka.publish(PAYMENTS, partnerId, "bk.payment.received",
                payment(partnerId, invoiceId, "29000.00"));
        String resolve = engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment");
        // as a case started before V9__payment_cases.sql: no row yet
        jdbcClient.sql("delete from program.payment_case where partner_id = ?").param(partnerId).update();

        engine.work(TestUsers.FINANCE, resolve, Map.of("acceptPayment", true, "comment", "ok"));

        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");
        assertThat(caseOf(payment)).isEqualTo("SETTLED " + invoiceId + " by " + TestUsers.FINANCE + ": ok");
    }

    private JsonNode enterpriseAwaitingFee(String partnerId) {
        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        return enterpriseApplicantAwaitingFee(partnerId);
    }

    /** The case of a payment as one line: outcome, reason (or settled invoice), who decided and their comment. */
    private String caseOf(String paymentEventId) {
        return jdbcClient.sql("""
                        select c.outcome || ' ' || coalesce(c.settled_invoice_id, c.outcome_reason) || ' by '
                               || c.decided_by || ': ' || c.decision_comment
                        from program.payment_case c join program.payment p on p.payment_id = c.payment_id
                        where p.event_id = ?""")
                .param(paymentEventId).query(String.class).single();
    }

    private String invoiceStatus(String invoiceId) {
        return jdbcClient.sql("select status from program.invoice where invoice_id = ?").param(invoiceId)
                .query(String.class).single();
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
}
