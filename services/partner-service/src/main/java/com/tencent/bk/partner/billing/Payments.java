package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.billing.PaymentEvent.PaymentFailed;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentReceived;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentRefunded;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.termination.Terminations;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies what billing reports. Every payment event is recorded; a payment that settles its invoice marks it
 * paid and announces {@link FeePaid}; any other payment is never dropped but handed to {@code finance}.
 */
@Component
class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final Workflows workflows;
    private final FeeSettlement settlement;
    private final PaymentCases cases;
    private final ProgramClock clock;
    private final Terminations terminations;

    Payments(JdbcClient jdbc, Invoices invoices, Workflows workflows, FeeSettlement settlement, PaymentCases cases,
             ProgramClock clock, Terminations terminations) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.workflows = workflows;
        this.settlement = settlement;
        this.cases = cases;
        this.clock = clock;
        this.terminations = terminations;
    }

    void apply(PaymentEvent event) {
        if (event instanceof PaymentReceived received) {
            receive(received);
        } else if (event instanceof PaymentFailed failed) {
            record(failed, "FAILED", null, null, failed.reason(), "RECORDED");
            failIfOverdue(failed);
        } else if (event instanceof PaymentRefunded refunded) {
            refund(refunded);
        }
    }

    private void receive(PaymentReceived payment) {
        Optional<Invoice> invoice = invoices.lock(payment.invoiceId());
        Optional<PaymentProblem> problem = problemWith(payment, invoice);
        long paymentId = record(payment, "RECEIVED", payment.amount(), payment.currency(), null,
                problem.map(Enum::name).orElse("APPLIED"));
        if (problem.isPresent()) {
            log.info("Payment {} for invoice {} needs finance: {}", payment.eventId(), payment.invoiceId(),
                    problem.get());
            String caseId = workflows.start(Bpmn.PAYMENT_EXCEPTION, payment.partnerId(),
                    exceptionVariables(payment, invoice.orElse(null), problem.get()));
            // the case is bound to this payment in the tables: what it may settle is read from here, never
            // from the variables above (a view for the form, which a completion could overwrite)
            cases.open(caseId, paymentId, payment.partnerId(), problem.get());
            return;
        }
        settlement.settle(invoice.get(), payment.paidAt().toInstant());
    }

    private static Optional<PaymentProblem> problemWith(PaymentReceived payment, Optional<Invoice> found) {
        if (found.isEmpty()) {
            return Optional.of(PaymentProblem.UNKNOWN_INVOICE);
        }
        Invoice invoice = found.get();
        if (!invoice.partnerId().equals(payment.partnerId()) || invoice.status() != Invoice.Status.OPEN) {
            return Optional.of(PaymentProblem.UNEXPECTED_PAYMENT);
        }
        if (!invoice.currency().equals(payment.currency())) {
            return Optional.of(PaymentProblem.CURRENCY_MISMATCH);
        }
        if (payment.amount().compareTo(invoice.amount()) < 0) {
            return Optional.of(PaymentProblem.SHORT_PAYMENT);
        }
        return Optional.empty();
    }

    /**
     * A refunded fee ends the partnership. Only a refund of the partner's own invoice does: one for an invoice
     * that is unknown or another company's is recorded as such and terminates nobody.
     */
    private void refund(PaymentRefunded refund) {
        boolean ownInvoice = invoices.find(refund.invoiceId())
                .filter(invoice -> invoice.partnerId().equals(refund.partnerId())).isPresent();
        record(refund, "REFUNDED", refund.amount(), null, refund.reason(),
                ownInvoice ? "RECORDED" : PaymentProblem.UNKNOWN_INVOICE.name());
        if (!ownInvoice) {
            log.warn("Refund {} names invoice {}, which is not an invoice of {}: recorded, nothing terminated",
                    refund.eventId(), refund.invoiceId(), refund.partnerId());
            return;
        }
        invoices.markRefunded(refund.invoiceId());
        terminations.request(refund.partnerId(), Terminations.Cause.FEE_REFUNDED,
                "服务费已退款 Service fee refunded (invoice " + refund.invoiceId() + "): " + refund.reason());
    }

    /** A failed payment of the partner's own invoice past its due date means the fee will not be paid: terminate. */
    private void failIfOverdue(PaymentFailed failure) {
        invoices.find(failure.invoiceId())
                .filter(invoice -> invoice.partnerId().equals(failure.partnerId()))
                .filter(invoice -> invoice.status() == Invoice.Status.OPEN && invoice.dueOn().isBefore(clock.today()))
                .ifPresent(invoice -> terminations.request(failure.partnerId(), Terminations.Cause.FEE_FAILED,
                        "逾期服务费支付失败 Payment of overdue invoice " + invoice.invoiceId() + " failed: "
                                + failure.reason()));
    }

    /** Keeps the event; returns the payment row's id. */
    private long record(PaymentEvent event, String kind, java.math.BigDecimal amount, String currency,
                        String reason, String outcome) {
        return jdbc.sql("""
                        insert into program.payment (event_id, kind, invoice_id, partner_id, amount,
                                                     currency, occurred_at, reason, outcome, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning payment_id
                        """)
                .params(event.eventId(), kind, event.invoiceId(), event.partnerId(), amount, currency,
                        event instanceof PaymentReceived received ? Timestamp.from(received.paidAt().toInstant()) : null,
                        reason, outcome, Timestamp.from(clock.now()))
                .query(Long.class).single();
    }

    private static Map<String, Object> exceptionVariables(PaymentReceived payment, Invoice invoice,
                                                          PaymentProblem problem) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", payment.invoiceId());
        variables.put("paymentPartnerId", payment.partnerId());
        variables.put("paymentProblem", problem.name());
        variables.put("paidAmount", payment.amount().toPlainString());
        variables.put("paidCurrency", payment.currency());
        variables.put("expectedAmount", invoice == null ? null : invoice.amount().toPlainString());
        variables.put("expectedCurrency", invoice == null ? null : invoice.currency());
        variables.put("paymentEventId", payment.eventId());
        return variables;
    }
}
