package com.tencent.bk.partner.audit;

import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.termination.Terminations;
import com.tencent.bk.partner.tiering.Minimums;
import com.tencent.bk.partner.tiering.TierReevaluation;
import com.tencent.bk.partner.tiering.TierRules;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Draws audits, keeps their evidence, and applies what auditors found. */
@Component
class Audits {

    /**
     * A drawn audit. {@code populationIds} are the ACTIVE partners drawn from, sorted (empty for audits drawn before
     * they were recorded); {@code AuditDraw.sample(populationIds, seed, sampleSize)} replays the draw.
     */
    record Audit(String auditId, long seed, int sampleSize, int population, List<String> populationIds,
                 List<String> sampled, String startedBy) {
    }

    /** What an auditor sees for one sampled partner. */
    record CaseFacts(Partner partner, Headcount headcount, Minimums required, String evidenceSummary) {
    }

    private final JdbcClient jdbc;
    private final PartnerRegistry registry;
    private final Headcounts headcounts;
    private final TierRules rules;
    private final TierReevaluation reevaluation;
    private final Terminations terminations;
    private final ProgramClock clock;
    private final AuditProperties properties;
    private final SecureRandom seeds = new SecureRandom();

    Audits(JdbcClient jdbc, PartnerRegistry registry, Headcounts headcounts, TierRules rules,
           TierReevaluation reevaluation, Terminations terminations, ProgramClock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.headcounts = headcounts;
        this.rules = rules;
        this.reevaluation = reevaluation;
        this.terminations = terminations;
        this.clock = clock;
        this.properties = properties;
    }

    /** e.g. {@code AUD-2026Q4-3F9A1C}: year and quarter of the draw. */
    String newAuditId() {
        java.time.LocalDate today = clock.today();
        return "AUD-" + today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1) + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Draws the sample with a seed the service draws itself (a caller choosing it could redraw until a partner
     * falls out of the sample), records seed and population so the draw can be replayed, and snapshots the
     * evidence.
     */
    Audit draw(String auditId, Integer requestedSize, String startedBy) {
        long seed = seeds.nextLong();
        int size = requestedSize != null ? requestedSize : properties.sampleSize();
        List<String> population = jdbc.sql("select partner_id from program.partner where status = 'ACTIVE'")
                .query(String.class).list().stream().sorted().toList();
        List<String> sampled = AuditDraw.sample(population, seed, size);
        Audit audit = new Audit(auditId, seed, size, population.size(), population, sampled, startedBy);
        jdbc.sql("""
                        insert into program.audit (audit_id, seed, sample_size, population, population_ids, sampled,
                                                   started_by, drawn_at, drawn_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(auditId, seed, size, population.size(), String.join(",", population),
                        String.join(",", sampled), startedBy, Timestamp.from(clock.now()), clock.today())
                .update();
        sampled.forEach(partnerId -> snapshotEvidence(auditId, partnerId));
        return audit;
    }

    private void snapshotEvidence(String auditId, String partnerId) {
        for (CountedCertificate certificate : headcounts.countedToday(partnerId)) {
            jdbc.sql("""
                            insert into program.audit_evidence (audit_id, partner_id, certificate_id, engineer_id,
                                                                track, level, expires_on)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(auditId, partnerId, certificate.certificateId(), certificate.engineerId(),
                            certificate.track().name(), certificate.level() == null ? null : certificate.level().name(),
                            certificate.expiresOn())
                    .update();
        }
    }

    CaseFacts facts(String auditId, String partnerId) {
        Partner partner = registry.find(partnerId).orElseThrow();
        List<CountedCertificate> evidence = jdbc.sql("""
                        select certificate_id, partner_id, engineer_id, track, level, expires_on
                        from program.audit_evidence where audit_id = ? and partner_id = ? order by certificate_id
                        """)
                .params(auditId, partnerId)
                .query(CountedCertificate::read)
                .list();
        String summary = evidence.stream()
                .map(certificate -> certificate.engineerId() + " " + certificate.track()
                        + (certificate.level() == null ? "" : "/" + certificate.level()) + " (" + certificate.certificateId()
                        + (certificate.expiresOn() == null ? "" : ", 有效至 until " + certificate.expiresOn()) + ")")
                .reduce((a, b) -> a + "; " + b).orElse("无有效认证 No valid certificates");
        return new CaseFacts(partner, Headcount.of(evidence, clock.today()),
                rules.minimums(partner.type(), partner.level()), summary);
    }

    /**
     * Applies what the auditor found. MISMATCH: the tier is held against the headcount the auditor verified
     * (a shortfall if it is below the minimum). DECEPTION: a breach, a termination case raised by the auditor, who
     * therefore cannot confirm it. CONFIRMED: the registered headcount holds (an earlier verified one no longer).
     */
    void record(String auditId, String partnerId, AuditOutcome outcome, String comment, String decidedBy,
                Headcount verified) {
        jdbc.sql("""
                        insert into program.audit_outcome (audit_id, partner_id, outcome, comment, decided_by,
                                                           decided_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(auditId, partnerId, outcome.name(), comment, decidedBy, Timestamp.from(clock.now()))
                .update();
        switch (outcome) {
            case MISMATCH -> reevaluation.reevaluateAfterAudit(partnerId, auditId, verified, decidedBy);
            case DECEPTION -> terminations.request(partnerId, Terminations.Cause.AUDIT_FINDING,
                    "抽查发现欺瞒 Deception found by audit " + auditId + ": " + comment, decidedBy);
            case CONFIRMED -> reevaluation.confirmedByAudit(partnerId);
        }
    }

    Optional<Audit> find(String auditId) {
        return jdbc.sql("select audit_id, seed, sample_size, population, population_ids, sampled, started_by "
                        + "from program.audit where audit_id = ?")
                .param(auditId)
                .query((rs, i) -> new Audit(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        list(rs.getString(5)), list(rs.getString(6)), rs.getString(7)))
                .optional();
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : List.copyOf(Arrays.asList(commaSeparated.split(",")));
    }
}
