package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program.renewal}: each renewal from its check until it ends, by its process instance, with the contract it
 * renews and its invoice; and {@code program.renewal_attestation}, the partner's attestations for the new term.
 * Callers provide the transaction.
 */
@Repository
class RenewalRecords {

    record Renewal(String processInstanceId, String partnerId, String contractId, LocalDate contractEndsOn,
                   String invoiceId, String status) {
    }

    private static final String COLUMNS =
            "process_instance_id, partner_id, contract_id, contract_ends_on, invoice_id, status";

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    RenewalRecords(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The renewal opens at its check (again at each re-check: no second row). Only one renewal of a partner runs
     * at a time, so an open row of another renewal is stale (its partnership ended without closing it) and is
     * closed here rather than blocking the new one.
     */
    void open(String processInstanceId, String partnerId, String contractId, LocalDate contractEndsOn) {
        jdbc.sql("""
                        update program.renewal set status = 'NOT_RENEWED', closed_at = ?
                        where partner_id = ? and status = 'OPEN' and process_instance_id <> ?""")
                .params(Timestamp.from(clock.now()), partnerId, processInstanceId).update();
        jdbc.sql("""
                        insert into program.renewal (process_instance_id, partner_id, contract_id, contract_ends_on,
                                                     status, opened_at)
                        values (?, ?, ?, ?, 'OPEN', ?) on conflict (process_instance_id) do nothing""")
                .params(processInstanceId, partnerId, contractId, contractEndsOn, Timestamp.from(clock.now()))
                .update();
    }

    Optional<Renewal> of(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from program.renewal where process_instance_id = ?")
                .param(processInstanceId).query(RenewalRecords::renewal).optional();
    }

    /** The partner's open renewal, locked until the transaction ends. */
    Optional<Renewal> lockOpenOf(String partnerId) {
        return jdbc.sql("select " + COLUMNS + " from program.renewal where partner_id = ? and status = 'OPEN' "
                        + "for update")
                .param(partnerId).query(RenewalRecords::renewal).optional();
    }

    void recordInvoice(String processInstanceId, String invoiceId) {
        jdbc.sql("update program.renewal set invoice_id = ? where process_instance_id = ?")
                .params(invoiceId, processInstanceId).update();
    }

    /** The partnership ended: its open renewal, if any, with it. */
    void closeOpenOf(String partnerId, String status) {
        jdbc.sql("update program.renewal set status = ?, closed_at = ? where partner_id = ? and status = 'OPEN'")
                .params(status, Timestamp.from(clock.now()), partnerId).update();
    }

    void close(String processInstanceId, String status) {
        jdbc.sql("""
                        update program.renewal set status = ?, closed_at = ?
                        where process_instance_id = ? and status = 'OPEN'""")
                .params(status, Timestamp.from(clock.now()), processInstanceId).update();
    }

    long attest(Renewal renewal, boolean acceptsProgramRules, boolean noCompetingProducts, String submittedBy) {
        return jdbc.sql("""
                        insert into program.renewal_attestation (process_instance_id, partner_id, contract_id,
                            accepts_program_rules, no_competing_products, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning attestation_id""")
                .params(renewal.processInstanceId(), renewal.partnerId(), renewal.contractId(), acceptsProgramRules,
                        noCompetingProducts, submittedBy, Timestamp.from(clock.now()))
                .query(Long.class).single();
    }

    /** Whether the partner's latest attestation for this renewal confirms both. */
    boolean attested(String processInstanceId) {
        return jdbc.sql("""
                        select accepts_program_rules and no_competing_products from program.renewal_attestation
                        where process_instance_id = ? order by attestation_id desc limit 1""")
                .param(processInstanceId).query(Boolean.class).optional().orElse(false);
    }

    private static Renewal renewal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Renewal(rs.getString("process_instance_id"), rs.getString("partner_id"),
                rs.getString("contract_id"), rs.getObject("contract_ends_on", LocalDate.class),
                rs.getString("invoice_id"), rs.getString("status"));
    }
}
