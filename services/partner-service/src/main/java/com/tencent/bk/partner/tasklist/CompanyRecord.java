package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the program's tables say about a company, read for a reviewer's form: the attestations behind the case
 * being decided, and the company's earlier applications and termination cases.
 */
@Component
class CompanyRecord {

    /** The two attestations of an application or of a renewal; null when the partner has not given them yet. */
    record Attestations(boolean acceptsProgramRules, boolean noCompetingProducts) {
    }

    /** One earlier event of the company, as a row of the form's history table. */
    record Past(LocalDate on, String what, String outcome, String reason) {
    }

    private final JdbcClient jdbc;

    CompanyRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The attestations of the company's open application: the one in review (a company has at most one open, and
     * the row learns its process instance only after the first task exists).
     */
    Optional<Attestations> ofApplication(String partnerId) {
        return jdbc.sql("""
                        select accepts_program_rules, no_competing_products from program.application
                        where partner_id = ? and status = 'OPEN'""")
                .param(partnerId)
                .query((rs, row) -> new Attestations(rs.getBoolean(1), rs.getBoolean(2)))
                .optional();
    }

    /** The partner's latest attestations for the renewal run by this process instance, if it gave any. */
    Optional<Attestations> ofRenewal(String processInstanceId) {
        return jdbc.sql("""
                        select accepts_program_rules, no_competing_products from program.renewal_attestation
                        where process_instance_id = ? order by attestation_id desc limit 1""")
                .param(processInstanceId)
                .query((rs, row) -> new Attestations(rs.getBoolean(1), rs.getBoolean(2)))
                .optional();
    }

    /**
     * The company's decided applications (not the open one in review) and its termination cases, newest first:
     * what a reviewer should know before deciding again.
     */
    List<Past> history(String partnerId) {
        List<Past> past = new ArrayList<>(jdbc.sql("""
                        select submitted_at, type, status, outcome_reason from program.application
                        where partner_id = ? and status <> 'OPEN'""")
                .param(partnerId)
                .query((rs, row) -> new Past(day(rs.getTimestamp(1)), "申请 Application (" + rs.getString(2) + ")",
                        rs.getString(3), rs.getString(4)))
                .list());
        past.addAll(jdbc.sql("""
                        select requested_at, cause, coalesce(outcome, 'OPEN'), reason, decision_comment
                        from program.termination_request where partner_id = ?""")
                .param(partnerId)
                .query((rs, row) -> new Past(day(rs.getTimestamp(1)), "终止 Termination (" + rs.getString(2) + ")",
                        rs.getString(3), joined(rs.getString(4), rs.getString(5))))
                .list());
        past.sort(Comparator.comparing(Past::on).reversed());
        return past;
    }

    private static LocalDate day(Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), ProgramClock.PROGRAM_ZONE);
    }

    private static String joined(String reason, String decisionComment) {
        return decisionComment == null || decisionComment.isBlank() ? reason : reason + " — " + decisionComment;
    }
}
