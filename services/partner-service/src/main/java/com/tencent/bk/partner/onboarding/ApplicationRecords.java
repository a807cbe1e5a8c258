package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.registry.Regions;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Application rows. An application is OPEN while its onboarding process runs. */
@Repository
class ApplicationRecords {

    enum Status { OPEN, ACTIVATED, REJECTED, CANCELLED }

    /** What the onboarding process decides from: the open application of a company, as it was submitted. */
    record OpenApplication(UUID applicationId, PartnerType type, PartnerLevel proposedLevel) {
    }

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    ApplicationRecords(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the company has an open application */
    void insertOpen(UUID applicationId, ApplicationRequest request, String submittedBy) {
        jdbc.sql("""
                        insert into program.application (application_id, partner_id, company_name, type, contact_name,
                            contact_email, contact_phone, accepts_program_rules, no_competing_products, status,
                            submitted_by, submitted_at, region)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                        """)
                .params(applicationId, request.partnerId(), request.companyName(), request.type(),
                        request.contact().name(), request.contact().email(), request.contact().phone(),
                        request.attestations().acceptsProgramRules(), request.attestations().noCompetingProducts(),
                        submittedBy, Timestamp.from(clock.now()), Regions.normalize(request.region()))
                .update();
    }

    void attachProcess(UUID applicationId, String processInstanceId) {
        jdbc.sql("update program.application set process_instance_id = ? where application_id = ?")
                .params(processInstanceId, applicationId).update();
    }

    void close(UUID applicationId, Status outcome, String reason) {
        jdbc.sql("""
                        update program.application set status = ?, outcome_reason = ?, decided_at = ?
                        where application_id = ? and status = 'OPEN'
                        """)
                .params(outcome.name(), reason, Timestamp.from(clock.now()), applicationId).update();
    }

    /** Records who reviewed the application of an onboarding process; the four-eyes rule reads it back. */
    void recordReviewer(String processInstanceId, String reviewer) {
        jdbc.sql("update program.application set reviewed_by = ? where process_instance_id = ?")
                .params(reviewer, processInstanceId).update();
    }

    Optional<String> reviewerOf(String processInstanceId) {
        return jdbc.sql("select reviewed_by from program.application where process_instance_id = ? and reviewed_by is not null")
                .param(processInstanceId).query(String.class).optional();
    }

    /** The level the qualification check proposed for the application (null for types without levels). */
    void recordProposedLevel(UUID applicationId, PartnerLevel level) {
        jdbc.sql("update program.application set proposed_level = ? where application_id = ?")
                .params(level == null ? null : level.name(), applicationId).update();
    }

    /** The company's open application: the process's business key leads here, never a process variable. */
    OpenApplication openOf(String partnerId) {
        return findOpen(partnerId).orElseThrow(() -> new IllegalStateException("No open application of " + partnerId));
    }

    Optional<OpenApplication> findOpen(String partnerId) {
        return jdbc.sql("""
                        select application_id, type, proposed_level from program.application
                        where partner_id = ? and status = 'OPEN'
                        """)
                .param(partnerId)
                .query((rs, row) -> new OpenApplication(rs.getObject(1, UUID.class), PartnerType.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : PartnerLevel.valueOf(rs.getString(3))))
                .optional();
    }

    /** The onboarding process instance of an application. */
    Optional<String> processInstanceOf(UUID applicationId) {
        return jdbc.sql("select process_instance_id from program.application where application_id = ? "
                        + "and process_instance_id is not null")
                .param(applicationId).query(String.class).optional();
    }

    Optional<UUID> openApplicationOf(String partnerId) {
        return jdbc.sql("select application_id from program.application where partner_id = ? and status = 'OPEN'")
                .param(partnerId).query(UUID.class).optional();
    }
}
