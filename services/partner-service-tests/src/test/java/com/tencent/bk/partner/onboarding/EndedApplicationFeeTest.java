package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Money always has an owner: an application that ends without a partnership after its fee was paid leaves the
 * fee recorded as to be returned ({@code program.payment_case}, outcome {@code TO_BE_RETURNED}, reason
 * {@code APPLICATION_ENDED}), bound to the payment that paid it.
 */
class EndedApplicationFeeTest extends ServiceIntegrationTest {

    @Test
    void feePaidThenContractNotSignedIsRecordedToBeReturned() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = paidEnterpriseApplicant(partnerId);

        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract"),
                Map.of("contractSigned", false, "comment", "公司放弃签约 the company withdrew"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "REJECTED".equals(partner(partnerId).path("status").asText()));
        assertThat(invoiceStatus(invoiceId)).as("billing holds the money: the invoice stays paid").isEqualTo("PAID");
        assertThat(feeCase(invoiceId)).startsWith("TO_BE_RETURNED APPLICATION_ENDED 30000.00 CNY: ")
                .contains("Contract not signed", "the company withdrew");

        // billing sends the money back: the fee is refunded, and there is no partnership to terminate
        String refund = kafka.publish(PAYMENTS, partnerId, "bk.payment.refunded", Map.of("invoiceId", invoiceId,
                "partnerId", partnerId, "amount", "30000.00", "reason", "application ended"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where event_id = ?").param(refund).query(Long.class).single() == 1);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("REFUNDED");
        assertThat(jdbcClient.sql("select count(*) from program.termination_request where partner_id = ?")
                .param(partnerId).query(Long.class).single()).isZero();
    }

    @Test
    void feePaidApplicantTerminatedBeforeSigningHasItsFeeRecordedToBeReturned() {
        String partnerId = Companies.newPartnerId();
        String invoiceId = paidEnterpriseApplicant(partnerId);
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");

        kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported", Map.of(
                "caseId", "CASE-" + partnerId, "partnerId", partnerId, "category", "RULE_BREACH",
                "description", "reported by the compliance team"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", true, "comment", "核实 verified"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(feeCase(invoiceId)).startsWith("TO_BE_RETURNED APPLICATION_ENDED 30000.00 CNY: ")
                .contains("RULE_BREACH");
    }

    @Test
    void unpaidApplicationEndsWithNothingToReturn() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        apply(Companies.application(partnerId, "ENTERPRISE"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", false, "comment", "不符合 no"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "REJECTED".equals(partner(partnerId).path("status").asText()));
        assertThat(jdbcClient.sql("select count(*) from program.payment_case where partner_id = ?").param(partnerId)
                .query(Long.class).single()).isZero();
    }

    /** An ENTERPRISE applicant (TRIAL, 30,000.00 CNY) approved and paid; returns the invoice id. */
    private String paidEnterpriseApplicant(String partnerId) {
        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount", invoice.path("amount").asText(),
                "currency", "CNY", "paidAt", "2026-11-24T08:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(invoiceStatus(invoice.path("invoiceId").asText())));
        return invoice.path("invoiceId").asText();
    }

    private String invoiceStatus(String invoiceId) {
        return jdbcClient.sql("select status from program.invoice where invoice_id = ?").param(invoiceId)
                .query(String.class).single();
    }

    /** The case holding the money that paid the invoice: outcome, reason, amount and currency, comment. */
    private String feeCase(String invoiceId) {
        return jdbcClient.sql("""
                        select c.outcome || ' ' || c.outcome_reason || ' ' || p.amount || ' ' || p.currency || ': '
                               || c.decision_comment
                        from program.payment_case c join program.payment p on p.payment_id = c.payment_id
                        where p.invoice_id = ? and c.outcome_reason = 'APPLICATION_ENDED'""")
                .param(invoiceId).query(String.class).optional().orElse("no case for the money of " + invoiceId);
    }
}
