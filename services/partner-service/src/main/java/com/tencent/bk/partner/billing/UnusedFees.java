package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fees paid for something that then did not happen (a renewal paid, then not signed): the money must not stay
 * silently with the program. It is recorded where finance already finds money to send back, a
 * {@code program.payment_case} row with outcome {@code TO_BE_RETURNED} and its reason, keyed by the process that
 * ended (the renewal) and bound to the payment that paid the invoice. The invoice itself stays PAID: billing
 * received the money; the row says it is owed back. Callers provide the transaction.
 */
@Component
public class UnusedFees {

    /** The problem such a row records (a finance case has PaymentProblem names). */
    static final String PROBLEM = "RENEWAL_NOT_CONCLUDED";

    private static final Logger log = LoggerFactory.getLogger(UnusedFees.class);

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final ProgramClock clock;

    UnusedFees(JdbcClient jdbc, Invoices invoices, ProgramClock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.clock = clock;
    }

    /**
     * Records the payment of this invoice as to be returned, once per {@code caseKey}, if the invoice is paid.
     *
     * @return whether money is (now or already) recorded to be returned for it
     */
    public boolean recordToBeReturned(String caseKey, String invoiceId, ReturnReason reason, String decidedBy,
                                      String comment) {
        Optional<Invoice> invoice = invoices.lock(invoiceId);
        if (invoice.isEmpty() || invoice.get().status() != Invoice.Status.PAID) {
            return false;
        }
        Optional<Long> payment = jdbc.sql("""
                        select payment_id from program.payment p
                        where invoice_id = ? and partner_id = ? and kind = 'RECEIVED'
                          and (outcome = 'APPLIED' or exists (select 1 from program.payment_case c
                               where c.payment_id = p.payment_id and c.settled_invoice_id = p.invoice_id))
                        order by payment_id limit 1""")
                .params(invoiceId, invoice.get().partnerId()).query(Long.class).optional();
        if (payment.isEmpty()) {
            throw new IllegalStateException("Invoice " + invoiceId + " is paid but no payment settled it");
        }
        int recorded = jdbc.sql("""
                        insert into program.payment_case (process_instance_id, payment_id, partner_id, problem,
                            opened_at, outcome, outcome_reason, decided_by, decision_comment, decided_at)
                        values (?, ?, ?, ?, ?, 'TO_BE_RETURNED', ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(caseKey, payment.get(), invoice.get().partnerId(), PROBLEM, Timestamp.from(clock.now()),
                        reason.name(), decidedBy, comment, Timestamp.from(clock.now()))
                .update();
        if (recorded > 0) {
            log.info("Invoice {} of {} was paid for nothing ({}): payment {} is to be returned", invoiceId,
                    invoice.get().partnerId(), reason, payment.get());
        }
        return true;
    }
}
