package com.tencent.bk.partner.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refund ends a partnership only when it leaves the fee no longer covered: the money billing received for the
 * invoice, less what it refunded, falls short of what settled it. A refund of a duplicate payment or of an
 * overpayment is recorded and changes nothing else.
 */
class RefundTest extends ServiceIntegrationTest {

    @Test
    void refundOfADuplicatePaymentKeepsThePartnerActiveAndTheInvoicePaid() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String invoiceId = onboardingInvoice(partnerId);
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, invoiceId, "30000.00"));
        engine.awaitTask(TestUsers.FINANCE, partnerId, "resolve-payment"); // the duplicate sits with finance

        String refund = refund(partnerId, invoiceId, "30000.00", "重复付款退回 duplicate payment returned");

        awaitRecorded(refund);
        assertThat(terminationRequests(partnerId)).isZero();
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void partialRefundOfAnOverpaymentThatLeavesTheInvoiceCoveredChangesNothing() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        awaitConsumed(partnerId);
        String invoiceId = enterpriseApplicantAwaitingFee(partnerId).path("invoiceId").asText();
        kafka.publish(PAYMENTS, partnerId, "bk.payment.received", payment(partnerId, invoiceId, "35000.00"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract"),
                Map.of("contractSigned", true, "contractId", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));

        String refund = refund(partnerId, invoiceId, "5000.00", "多付退回 overpayment returned");

        awaitRecorded(refund);
        assertThat(terminationRequests(partnerId)).isZero();
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
    }

    @Test
    void fullRefundOfTheOnlyPaymentOpensATerminationCase() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String invoiceId = onboardingInvoice(partnerId);

        refund(partnerId, invoiceId, "30000.00", "chargeback");

        engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("REFUNDED");
        assertThat(jdbcClient.sql("select cause from program.termination_request where partner_id = ?")
                .param(partnerId).query(String.class).list()).containsExactly("FEE_REFUNDED");
    }

    @Test
    void partialRefundLeavingTheInvoiceShortOpensATerminationCase() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        String invoiceId = onboardingInvoice(partnerId);

        refund(partnerId, invoiceId, "10000.00", "部分退款 partial refund");

        engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("REFUNDED");
    }

    private String onboardingInvoice(String partnerId) {
        return kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-requested").path("data").path("invoiceId")
                .asText();
    }

    private String refund(String partnerId, String invoiceId, String amount, String reason) {
        return kafka.publish(PAYMENTS, partnerId, "bk.payment.refunded", Map.of("invoiceId", invoiceId,
                "partnerId", partnerId, "amount", amount, "reason", reason));
    }

    /** The refund and whatever it does happen in one transaction: once its row is there, all of it is. */
    private void awaitRecorded(String refundEventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcClient.sql(
                "select count(*) from program.payment where event_id = ? and kind = 'REFUNDED'").param(refundEventId)
                .query(Long.class).single() == 1);
    }

    private long terminationRequests(String partnerId) {
        return jdbcClient.sql("select count(*) from program.termination_request where partner_id = ?")
                .param(partnerId).query(Long.class).single();
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
