package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The headcount a partner's tier is held against: the registered one, unless an auditor verified fewer engineers
 * ({@code program.verified_headcount}). Then each track counts at most what was verified plus the engineers whose
 * certificates started counting after the audit, so a partner restores its headcount by certifying engineers,
 * not by the registry still listing the ones the auditor did not find.
 */
@Component
public class VerifiedHeadcounts {

    private record Verified(Headcount headcount, Set<String> countedThen) {
    }

    private final JdbcClient jdbc;
    private final Headcounts headcounts;
    private final ProgramClock clock;

    VerifiedHeadcounts(JdbcClient jdbc, Headcounts headcounts, ProgramClock clock) {
        this.jdbc = jdbc;
        this.headcounts = headcounts;
        this.clock = clock;
    }

    /** The headcount the tier rules apply to today. */
    public Headcount of(String partnerId) {
        Headcount registered = headcounts.of(partnerId);
        Optional<Verified> verified = verified(partnerId);
        if (verified.isEmpty()) {
            return registered;
        }
        List<CountedCertificate> later = headcounts.countedToday(partnerId).stream()
                .filter(certificate -> !verified.get().countedThen().contains(certificate.certificateId()))
                .toList();
        Headcount gained = Headcount.of(later, clock.today());
        Headcount cap = verified.get().headcount();
        return new Headcount(
                Math.min(registered.automationService(), cap.automationService() + gained.automationService()),
                Math.min(registered.automationUsage(), cap.automationUsage() + gained.automationUsage()),
                Math.min(registered.development(), cap.development() + gained.development()));
    }

    /**
     * {@link #of(String)} of many partners with two statements whatever their number: the registered headcounts
     * read together, and which of them an auditor capped (those few are then worked out one by one).
     */
    public Map<String, Headcount> of(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Headcount> headcounts = new HashMap<>(this.headcounts.of(partnerIds));
        jdbc.sql("select partner_id from program.verified_headcount where partner_id = any(?)")
                .param(partnerIds.toArray(String[]::new)).query(String.class).list()
                .forEach(capped -> headcounts.put(capped, of(capped)));
        return headcounts;
    }

    /** An auditor verified this headcount (it replaces an earlier one). */
    void record(String partnerId, String auditId, Headcount verified, String verifiedBy) {
        String countedNow = headcounts.countedToday(partnerId).stream().map(CountedCertificate::certificateId)
                .sorted().collect(Collectors.joining(","));
        jdbc.sql("""
                        insert into program.verified_headcount (partner_id, audit_id, automation_service,
                            automation_usage, development, counted_certificate_ids, verified_by, verified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (partner_id) do update set audit_id = excluded.audit_id,
                            automation_service = excluded.automation_service,
                            automation_usage = excluded.automation_usage, development = excluded.development,
                            counted_certificate_ids = excluded.counted_certificate_ids,
                            verified_by = excluded.verified_by, verified_at = excluded.verified_at
                        """)
                .params(partnerId, auditId, verified.automationService(), verified.automationUsage(),
                        verified.development(), countedNow, verifiedBy, Timestamp.from(clock.now()))
                .update();
    }

    /**
     * An audit confirmed the registered headcount: the tier is held against it again.
     *
     * @return whether a verified headcount held until now
     */
    boolean clear(String partnerId) {
        return jdbc.sql("delete from program.verified_headcount where partner_id = ?").param(partnerId).update() == 1;
    }

    private Optional<Verified> verified(String partnerId) {
        return jdbc.sql("""
                        select automation_service, automation_usage, development, counted_certificate_ids
                        from program.verified_headcount where partner_id = ?
                        """)
                .param(partnerId)
                .query((rs, i) -> new Verified(new Headcount(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        rs.getString(4).isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(rs.getString(4).split(",")))))
                .optional();
    }
}
