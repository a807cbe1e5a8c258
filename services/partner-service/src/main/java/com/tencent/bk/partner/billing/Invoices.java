package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Invoices requested from billing. Callers provide the transaction. */
@Component
public class Invoices {

    private static final String COLUMNS =
            "invoice_id, partner_id, application_id, purpose, amount, currency, due_on, status";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ProgramClock clock;
    private final BillingProperties properties;

    Invoices(JdbcClient jdbc, Outbox outbox, ProgramClock clock, BillingProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /** Creates an invoice due after the configured period and asks billing for it. */
    public Invoice request(String partnerId, UUID applicationId, InvoicePurpose purpose, Fee fee) {
        return request(partnerId, applicationId, purpose, fee, null);
    }

    /**
     * Creates an invoice due after the configured period, but never after {@code dueBy} (the last day of the
     * partnership a renewal fee is for: paid later, it would pay for a partnership that has lapsed), nor before
     * today; and asks billing for it.
     */
    public Invoice request(String partnerId, UUID applicationId, InvoicePurpose purpose, Fee fee, LocalDate dueBy) {
        Instant now = clock.now();
        LocalDate dueOn = clock.today().plusDays(properties.dueAfter().toDays());
        if (dueBy != null && dueBy.isBefore(dueOn)) {
            dueOn = dueBy.isBefore(clock.today()) ? clock.today() : dueBy;
        }
        String invoiceId = "INV-" + clock.today().getYear() + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Invoice invoice = new Invoice(invoiceId, partnerId, applicationId, purpose, fee.amount(), fee.currency(),
                dueOn, Invoice.Status.OPEN);
        jdbc.sql("""
                        insert into program.invoice (invoice_id, partner_id, application_id, purpose, amount, currency,
                                                     due_on, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                        """)
                .params(invoiceId, partnerId, applicationId, purpose.name(), fee.amount(), fee.currency(), dueOn,
                        Timestamp.from(now))
                .update();
        outbox.publish(new InvoiceRequested(partnerId, invoiceId, purpose, fee.amount().toPlainString(),
                fee.currency(), dueOn));
        return invoice;
    }

    /** The newest invoice requested for an application (its onboarding fee). */
    public Optional<Invoice> ofApplication(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from program.invoice where application_id = ? "
                        + "order by created_at desc limit 1")
                .param(applicationId).query(Invoices::invoice).optional();
    }

    public Optional<Invoice> find(String invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from program.invoice where invoice_id = ?").param(invoiceId)
                .query(Invoices::invoice).optional();
    }

    /**
     * Reads the invoice and locks it until the transaction ends. The payment path and the process's own check
     * both lock it, so a payment and the process reaching its wait cannot miss each other.
     */
    public Optional<Invoice> lock(String invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from program.invoice where invoice_id = ? for update")
                .param(invoiceId).query(Invoices::invoice).optional();
    }

    public void remind(Invoice invoice) {
        outbox.publish(new InvoiceReminderSent(invoice.partnerId(), invoice.invoiceId(),
                invoice.amount().toPlainString(), invoice.currency(), invoice.dueOn()));
    }

    /** An unpaid invoice is withdrawn (its application was cancelled). */
    public void cancel(String invoiceId) {
        jdbc.sql("update program.invoice set status = 'CANCELLED' where invoice_id = ? and status = 'OPEN'")
                .param(invoiceId).update();
    }

    /** Every unpaid invoice of the partner is withdrawn (the partnership ended); a later payment goes to finance. */
    public void cancelOpenOf(String partnerId) {
        jdbc.sql("update program.invoice set status = 'CANCELLED' where partner_id = ? and status = 'OPEN'")
                .param(partnerId).update();
    }

    void markPaid(String invoiceId, Instant paidAt) {
        jdbc.sql("update program.invoice set status = 'PAID', paid_at = ? where invoice_id = ?")
                .params(Timestamp.from(paidAt), invoiceId).update();
    }

    void markRefunded(String invoiceId) {
        jdbc.sql("update program.invoice set status = 'REFUNDED' where invoice_id = ? and status = 'PAID'")
                .param(invoiceId).update();
    }

    private static Invoice invoice(ResultSet rs, int row) throws SQLException {
        String applicationId = rs.getString("application_id");
        return new Invoice(rs.getString("invoice_id"), rs.getString("partner_id"),
                applicationId == null ? null : UUID.fromString(applicationId),
                InvoicePurpose.valueOf(rs.getString("purpose")), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("due_on", LocalDate.class),
                Invoice.Status.valueOf(rs.getString("status")));
    }
}
