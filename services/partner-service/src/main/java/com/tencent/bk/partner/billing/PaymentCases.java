package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.common.ProgramClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code payment-exception} cases, each bound on its row ({@code program.payment_case}) to the payment that
 * opened it. A case settles at most the invoice its own payment named, and only when that payment can settle
 * it; otherwise the money is recorded as to be returned, so it always has an owner. Nothing here reads a
 * process variable a task completion could have sent ({@code invoiceId} included). Callers provide the
 * transaction.
 */
@Component
class PaymentCases {

    static final String SETTLED = "SETTLED";
    static final String TO_BE_RETURNED = "TO_BE_RETURNED";

    private static final Logger log = LoggerFactory.getLogger(PaymentCases.class);

    /** The payment of a case, as billing reported it. */
    private record CasePayment(long paymentId, String partnerId, String invoiceId, BigDecimal amount,
                               String currency, String caseOutcome) {
    }

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final FeeSettlement settlement;
    private final ProgramClock clock;
    private final BillingProperties properties;

    PaymentCases(JdbcClient jdbc, Invoices invoices, FeeSettlement settlement, ProgramClock clock,
                 BillingProperties properties) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.settlement = settlement;
        this.clock = clock;
        this.properties = properties;
    }

    void open(String processInstanceId, long paymentId, String partnerId, PaymentProblem problem) {
        insert(processInstanceId, paymentId, partnerId, problem.name());
    }

    /**
     * Finance's decision on {@code resolve-payment}: who took it and their comment. Declined, the money is to be
     * returned; accepted, {@link #settle} decides what it settles.
     *
     * @param legacyPaymentEventId the event id the form shows, used only to bind a case opened before cases
     *                             had rows
     */
    void decide(String processInstanceId, String partnerId, boolean accepted, String decidedBy, String comment,
                String legacyPaymentEventId) {
        bindCaseOpenedBeforeRows(processInstanceId, partnerId, legacyPaymentEventId);
        jdbc.sql("""
                        update program.payment_case set decided_by = ?, decision_comment = ?, decided_at = ?
                        where process_instance_id = ? and outcome is null""")
                .params(decidedBy, comment, Timestamp.from(clock.now()), processInstanceId).update();
        if (!accepted) {
            close(processInstanceId, TO_BE_RETURNED, ReturnReason.DECLINED.name(), null);
        }
    }

    /**
     * Finance accepted the case's payment as settling its invoice. It does when the invoice is the partner's
     * own, still open, in the paid currency, and short by no more than the write-off limit; otherwise the
     * money is to be returned and the row says why.
     */
    void settle(String processInstanceId, String partnerId) {
        CasePayment payment = lock(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("Payment case " + processInstanceId + " has no row"));
        if (!payment.partnerId().equals(partnerId)) {
            throw new IllegalStateException("Payment case " + processInstanceId + " is not a case of " + partnerId);
        }
        if (payment.caseOutcome() != null) {
            return; // already decided: no second effect
        }
        Optional<Invoice> invoice = invoices.lock(payment.invoiceId());
        Optional<ReturnReason> notSettling = whyNotSettling(payment, invoice);
        if (notSettling.isPresent()) {
            log.warn("Payment case {} accepted, but payment {} cannot settle invoice {}: {}; to be returned",
                    processInstanceId, payment.paymentId(), payment.invoiceId(), notSettling.get());
            close(processInstanceId, TO_BE_RETURNED, notSettling.get().name(), null);
            return;
        }
        settlement.settle(invoice.get(), clock.now());
        close(processInstanceId, SETTLED, null, invoice.get().invoiceId());
    }

    /**
     * The fee of an application that ended without a partnership: the payments that paid the invoice are
     * recorded as to be returned, each on a case of its own closed at once (no finance decision: nobody owes the
     * fee any more), keyed by {@code caseKey} (the onboarding process that ended the application).
     *
     * @return the payments recorded, none when the invoice was not paid or was already recorded
     */
    List<Long> recordFeeOfEndedApplication(Invoice invoice, String caseKey, String reason) {
        if (invoice.status() != Invoice.Status.PAID) {
            return List.of();
        }
        List<Long> recorded = new ArrayList<>();
        for (CasePayment payment : paymentsThatPaid(invoice.invoiceId())) {
            String key = recorded.isEmpty() ? caseKey : caseKey + "/" + payment.paymentId();
            int inserted = jdbc.sql("""
                            insert into program.payment_case (process_instance_id, payment_id, partner_id, problem,
                                opened_at, outcome, outcome_reason, decision_comment, decided_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(key, payment.paymentId(), invoice.partnerId(), ReturnReason.APPLICATION_ENDED.name(),
                            Timestamp.from(clock.now()), TO_BE_RETURNED, ReturnReason.APPLICATION_ENDED.name(),
                            truncate(reason), Timestamp.from(clock.now()))
                    .update();
            if (inserted == 1) {
                recorded.add(payment.paymentId());
                log.warn("Application of {} ended without a partnership ({}): payment {} of {} {} that paid invoice {} "
                                + "is to be returned", invoice.partnerId(), reason, payment.paymentId(),
                        payment.amount(), payment.currency(), invoice.invoiceId());
            }
        }
        return recorded;
    }

    /**
     * Whether the program already recorded the money that paid this invoice as to be returned: the fee of an
     * application that ended, or of a renewal that was not concluded. Its refund is that return, not a breach.
     */
    boolean feeRecordedToBeReturned(String invoiceId) {
        return jdbc.sql("""
                        select count(*) from program.payment_case c join program.payment p on p.payment_id = c.payment_id
                        where p.invoice_id = ? and c.outcome = 'TO_BE_RETURNED' and c.problem in (?, ?)""")
                .params(invoiceId, ReturnReason.APPLICATION_ENDED.name(), UnusedFees.PROBLEM)
                .query(Long.class).single() > 0;
    }

    /** The received payments that paid the invoice: applied by themselves, or accepted by finance as settling it. */
    private List<CasePayment> paymentsThatPaid(String invoiceId) {
        return jdbc.sql("""
                        select p.payment_id, p.partner_id, p.invoice_id, p.amount, p.currency, null as outcome
                        from program.payment p
                        where p.invoice_id = ? and p.kind = 'RECEIVED'
                          and (p.outcome = 'APPLIED' or exists (select 1 from program.payment_case c
                               where c.payment_id = p.payment_id and c.outcome = ? and c.settled_invoice_id = p.invoice_id))
                        order by p.payment_id""")
                .params(invoiceId, SETTLED)
                .query((rs, row) -> new CasePayment(rs.getLong("payment_id"), rs.getString("partner_id"),
                        rs.getString("invoice_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("outcome")))
                .list();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private Optional<ReturnReason> whyNotSettling(CasePayment payment, Optional<Invoice> found) {
        if (found.isEmpty()) {
            return Optional.of(ReturnReason.UNKNOWN_INVOICE);
        }
        Invoice invoice = found.get();
        if (!invoice.partnerId().equals(payment.partnerId())) {
            return Optional.of(ReturnReason.ANOTHER_PARTNERS_INVOICE);
        }
        if (invoice.status() != Invoice.Status.OPEN) {
            return Optional.of(ReturnReason.INVOICE_NOT_OPEN);
        }
        if (!invoice.currency().equals(payment.currency())) {
            return Optional.of(ReturnReason.CURRENCY_MISMATCH);
        }
        BigDecimal least = invoice.amount().multiply(BigDecimal.ONE.subtract(properties.writeOffLimit()));
        if (payment.amount().compareTo(least) < 0) {
            return Optional.of(ReturnReason.SHORT_PAYMENT);
        }
        return Optional.empty();
    }

    private Optional<CasePayment> lock(String processInstanceId) {
        return jdbc.sql("""
                        select p.payment_id, c.partner_id, p.invoice_id, p.amount, p.currency, c.outcome
                        from program.payment_case c join program.payment p on p.payment_id = c.payment_id
                        where c.process_instance_id = ? for update of c""")
                .param(processInstanceId)
                .query((rs, row) -> new CasePayment(rs.getLong("payment_id"), rs.getString("partner_id"),
                        rs.getString("invoice_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("outcome")))
                .optional();
    }

    private void close(String processInstanceId, String outcome, String reason, String settledInvoiceId) {
        jdbc.sql("""
                        update program.payment_case set outcome = ?, outcome_reason = ?, settled_invoice_id = ?
                        where process_instance_id = ? and outcome is null""")
                .params(outcome, reason, settledInvoiceId, processInstanceId).update();
    }

    /**
     * A case opened before cases had rows is bound, once, to the payment its form shows, provided that is a
     * received payment of the case's own partner that no other case holds: whatever it names, the checks of
     * {@link #settle} still apply.
     */
    private void bindCaseOpenedBeforeRows(String processInstanceId, String partnerId, String paymentEventId) {
        if (jdbc.sql("select count(*) from program.payment_case where process_instance_id = ?")
                .param(processInstanceId).query(Long.class).single() > 0) {
            return;
        }
        List<CasePayment> candidates = jdbc.sql("""
                        select payment_id, partner_id, invoice_id, amount, currency, outcome from program.payment p
                        where event_id = ? and partner_id = ? and kind = 'RECEIVED' and outcome <> 'APPLIED'
                          and not exists (select 1 from program.payment_case c where c.payment_id = p.payment_id)""")
                .params(paymentEventId, partnerId)
                .query((rs, row) -> new CasePayment(rs.getLong("payment_id"), rs.getString("partner_id"),
                        rs.getString("invoice_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("outcome")))
                .list();
        if (candidates.size() != 1) {
            throw new IllegalStateException("Payment case " + processInstanceId + " has no row and no single payment "
                    + "of " + partnerId + " to bind it to");
        }
        CasePayment payment = candidates.get(0);
        log.info("Payment case {} (opened before cases had rows) bound to payment {}", processInstanceId,
                payment.paymentId());
        insert(processInstanceId, payment.paymentId(), partnerId, payment.caseOutcome());
    }

    private void insert(String processInstanceId, long paymentId, String partnerId, String problem) {
        jdbc.sql("""
                        insert into program.payment_case (process_instance_id, payment_id, partner_id, problem, opened_at)
                        values (?, ?, ?, ?, ?)""")
                .params(processInstanceId, paymentId, partnerId, problem, Timestamp.from(clock.now()))
                .update();
    }
}
