package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.billing.PaymentEvent.PaymentFailed;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentReceived;
import com.tencent.bk.partner.billing.PaymentEvent.PaymentRefunded;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.termination.Terminations;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
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
    private final PartnerRegistry partners;

    Payments(JdbcClient jdbc, Invoices invoices, Workflows workflows, FeeSettlement settlement, PaymentCases cases,
             ProgramClock clock, Terminations terminations, PartnerRegistry partners) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.workflows = workflows;
        this.settlement = settlement;
        this.cases = cases;
        this.clock = clock;
        this.terminations = terminations;
        this.partners = partners;
    }

    /**
     * A poll's payments, in order, in one transaction; those of different partners in shared engine commands
     * ({@link Workflows#inCommandsByKey}).
     */
    void applyAll(List<PaymentEvent> events) {
        workflows.inCommandsByKey(events, PaymentEvent::partnerId, this::apply);
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
     * A refund ends the partnership only when it leaves the fee no longer covered: what billing received for the
     * invoice (every payment of its partner in its currency, duplicates and overpayments included), less every
     * refund of it, falls short of what settled it. Then the invoice becomes REFUNDED and a termination is
     * requested. A refund of a duplicate or of an overpayment, or a partial one that leaves the fee covered, is
     * recorded and changes nothing else; so is one of an invoice that was never paid. A refund of an invoice that
     * is unknown or another company's is recorded as such and terminates nobody.
     */
    private void refund(PaymentRefunded refund) {
        Optional<Invoice> own = invoices.lock(refund.invoiceId())
                .filter(invoice -> invoice.partnerId().equals(refund.partnerId()));
        record(refund, "REFUNDED", refund.amount(), null, refund.reason(),
                own.isPresent() ? "RECORDED" : PaymentProblem.UNKNOWN_INVOICE.name());
        if (own.isEmpty()) {
            log.warn("Refund {} names invoice {}, which is not an invoice of {}: recorded, nothing terminated",
                    refund.eventId(), refund.invoiceId(), refund.partnerId());
            return;
        }
        Invoice invoice = own.get();
        Coverage coverage = coverageOf(invoice);
        if (invoice.status() != Invoice.Status.PAID || coverage.covered()) {
            log.info("Refund {} of {} for invoice {} ({}): received {}, refunded {}, settled by {}; recorded, nothing "
                            + "else changes", refund.eventId(), refund.amount(), invoice.invoiceId(), invoice.status(),
                    coverage.received(), coverage.refunded(), coverage.required());
            return;
        }
        invoices.markRefunded(invoice.invoiceId());
        if (cases.feeRecordedToBeReturned(invoice.invoiceId())) {
            log.info("Refund {} returns the fee of invoice {}, recorded to be returned: nothing to terminate",
                    refund.eventId(), invoice.invoiceId());
            return;
        }
        log.warn("Refund {} leaves invoice {} uncovered: received {}, refunded {}, settled by {}", refund.eventId(),
                invoice.invoiceId(), coverage.received(), coverage.refunded(), coverage.required());
        terminations.request(refund.partnerId(), Terminations.Cause.FEE_REFUNDED,
                "服务费已退款 Service fee refunded (invoice " + refund.invoiceId() + "): " + refund.reason());
    }

    /**
     * The money billing holds against an invoice. {@code required} is what settled it: its amount, or less when
     * finance accepted a short payment within the write-off limit as settling it.
     */
    private record Coverage(BigDecimal received, BigDecimal refunded, BigDecimal required) {

        boolean covered() {
            return received.subtract(refunded).compareTo(required) >= 0;
        }
    }

    private Coverage coverageOf(Invoice invoice) {
        return jdbc.sql("""
                        select coalesce(sum(p.amount) filter (where p.kind = 'RECEIVED' and p.currency = ?), 0),
                               coalesce(sum(p.amount) filter (where p.kind = 'REFUNDED'), 0),
                               coalesce(sum(p.amount) filter (where p.kind = 'RECEIVED' and (p.outcome = 'APPLIED'
                                   or exists (select 1 from program.payment_case c where c.payment_id = p.payment_id
                                              and c.outcome = 'SETTLED' and c.settled_invoice_id = p.invoice_id))), 0)
                        from program.payment p
                        where p.invoice_id = ? and p.partner_id = ? and p.amount is not null""")
                .params(invoice.currency(), invoice.invoiceId(), invoice.partnerId())
                .query((rs, row) -> {
                    BigDecimal settledBy = rs.getBigDecimal(3);
                    BigDecimal required = settledBy.signum() > 0 ? settledBy.min(invoice.amount()) : invoice.amount();
                    return new Coverage(rs.getBigDecimal(1), rs.getBigDecimal(2), required);
                })
                .single();
    }

    /** A failed payment of the partner's own invoice past its due date means the fee will not be paid: terminate. */
    private void failIfOverdue(PaymentFailed failure) {
        // both held until the failure is recorded, so an invoice settled meanwhile is read as settled, not as
        // overdue; the partner first, in the order the end of a partnership takes them (it cancels the open
        // invoices), so that the two cannot deadlock
        partners.lock(failure.partnerId());
        invoices.lock(failure.invoiceId())
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
