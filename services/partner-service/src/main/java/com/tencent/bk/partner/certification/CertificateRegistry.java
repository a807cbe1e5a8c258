package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.certification.CertificationEvent.CertificationExpired;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationGranted;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationRevoked;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationTransferred;
import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Certificates by id. Events may arrive in any order: a revocation, expiry or transfer that arrives before
 * its grant leaves a row with {@code granted = false}; the grant then fills in the details and keeps what
 * the later events decided. A revoked certificate stays revoked. An event changes only a certificate the company
 * it names holds (or, arriving late, held until a recorded transfer): see {@link CertificateOwnership}.
 */
@Repository
class CertificateRegistry {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ProgramClock clock;

    CertificateRegistry(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ProgramClock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Grants of distinct certificates in one statement, the same text whatever their number (one row of an
     * {@code insert … on conflict do update} may not be changed twice, hence distinct).
     */
    private static final String GRANTS = """
            insert into program.certificate (certificate_id, partner_id, engineer_id, track, level,
                issued_on, expires_on, status, granted, updated_at)
            select g.id, g.partner, g.engineer, g.track, g.level, g.issued::date, g.expires::date, 'VALID', true,
                cast(? as timestamptz)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as g(id, partner, engineer, track, level, issued, expires)
            on conflict (certificate_id) do update set
                engineer_id = excluded.engineer_id, track = excluded.track, level = excluded.level,
                issued_on = excluded.issued_on, expires_on = excluded.expires_on, granted = true,
                -- a re-grant renews an expired certificate; a revocation is final
                status = case when certificate.status = 'REVOKED' then 'REVOKED'
                              when certificate.granted then 'VALID'
                              else certificate.status end,
                updated_at = excluded.updated_at
            """;
    private static final String CHANGE_STATUS = """
            insert into program.certificate (certificate_id, partner_id, status, granted, status_reason, updated_at)
            values (:id, :partner, :status, false, :reason, :now)
            on conflict (certificate_id) do update set
                status = case when certificate.status = 'REVOKED' then 'REVOKED' else excluded.status end,
                status_reason = coalesce(excluded.status_reason, certificate.status_reason),
                updated_at = excluded.updated_at
            """;
    private static final String TRANSFER = """
            insert into program.certificate (certificate_id, partner_id, status, granted, transferred_at, updated_at)
            values (:id, :partner, 'VALID', false, :at, :now)
            on conflict (certificate_id) do update set
                -- transfers of one certificate are keyed by different companies, so they may arrive out of order:
                -- one older than the last applied does not move the certificate back (without times: arrival order)
                partner_id = case when excluded.transferred_at < certificate.transferred_at
                                  then certificate.partner_id else excluded.partner_id end,
                transferred_at = greatest(certificate.transferred_at, excluded.transferred_at),
                updated_at = excluded.updated_at
            """;

    private static final String RECORD_TRANSFER = """
            insert into program.certificate_transfer (certificate_id, from_partner_id, to_partner_id, transferred_at,
                recorded_at)
            values (:id, :from, :partner, :at, :now)
            """;
    /** Namespace of the advisory locks on certificate ids (the outbox publisher uses the one-key form). */
    private static final int CERTIFICATE_LOCKS = 0x63657274; // "cert"

    /**
     * Applies events in their order, consecutive grants as one statement and consecutive events of another kind
     * as one JDBC batch. First checks, in order, that each event may change its certificate
     * ({@link CertificateOwnership}).
     *
     * @return the companies whose certificates the events touched: those the events name and those that hold
     *         the certificates now (a grant or revocation that arrives after its transfer names the former
     *         employer, but changes the headcount of the one the certificate moved to)
     * @throws com.tencent.bk.partner.events.InvalidEventException before changing anything, for the first event
     *         that names a company that does not hold its certificate (the caller then isolates that record)
     */
    Set<String> applyAll(List<CertificationEvent> events) {
        Timestamp now = Timestamp.from(clock.now());
        Set<String> certificates = new TreeSet<>();
        events.forEach(event -> certificates.add(event.certificateId()));
        lock(certificates);
        CertificateOwnership ownership = new CertificateOwnership(holdings(certificates));
        events.forEach(ownership::check);

        Set<String> touched = new LinkedHashSet<>();
        List<SqlParameterSource> transfers = new ArrayList<>();
        // consecutive events of one kind go together: grants as one statement, the others as one JDBC batch. One
        // upsert statement may change a row only once (grants; and the batch, should the driver ever send it as one
        // multi-row statement under reWriteBatchedInserts): a certificate seen again starts the next run
        List<CertificationEvent> run = new ArrayList<>();
        Set<String> certificatesOfRun = new HashSet<>();
        for (CertificationEvent event : events) {
            if (!run.isEmpty() && (!sqlOf(event).equals(sqlOf(run.get(0)))
                    || certificatesOfRun.contains(event.certificateId()))) {
                applyRun(run, now);
                run.clear();
                certificatesOfRun.clear();
            }
            run.add(event);
            certificatesOfRun.add(event.certificateId());
            touched.add(event.recordKey());
            if (event instanceof CertificationTransferred transferred) {
                touched.add(transferred.toPartnerId());
                transfers.add(parameters(event, now));
            }
        }
        if (!run.isEmpty()) {
            applyRun(run, now);
        }
        if (!transfers.isEmpty()) {
            batch.batchUpdate(RECORD_TRANSFER, transfers.toArray(SqlParameterSource[]::new));
        }
        touched.addAll(holdersOf(certificates));
        return touched;
    }

    /** Applies events of one kind about distinct certificates, in their order. */
    private void applyRun(List<CertificationEvent> run, Timestamp now) {
        if (run.get(0) instanceof CertificationGranted) {
            grant(run.stream().map(CertificationGranted.class::cast).toList(), now);
            return;
        }
        batch.batchUpdate(sqlOf(run.get(0)), run.stream().map(event -> parameters(event, now))
                .toArray(SqlParameterSource[]::new));
    }

    private void grant(List<CertificationGranted> grants, Timestamp now) {
        int n = grants.size();
        String[] id = new String[n], partner = new String[n], engineer = new String[n], track = new String[n],
                level = new String[n], issued = new String[n], expires = new String[n];
        for (int i = 0; i < n; i++) {
            CertificationGranted grant = grants.get(i);
            id[i] = grant.certificateId();
            partner[i] = grant.partnerId();
            engineer[i] = grant.engineerId();
            track[i] = grant.track().name();
            level[i] = grant.level() == null ? null : grant.level().name();
            issued[i] = grant.issuedOn() == null ? null : grant.issuedOn().toString();
            expires[i] = grant.expiresOn() == null ? null : grant.expiresOn().toString();
        }
        jdbc.sql(GRANTS).params(now, id, partner, engineer, track, level, issued, expires).update();
    }

    /**
     * Serializes the batches that name the same certificates until commit, rows that do not exist yet included:
     * transfers of one certificate are keyed by different companies, so consumers of other partitions may
     * change it at the same time. Taken in id order, so two batches cannot deadlock on them.
     */
    private void lock(Set<String> sortedCertificateIds) {
        jdbc.sql("""
                        select count(*) from (select pg_advisory_xact_lock(?, hashtext(id))
                                              from (select unnest(?::text[]) id order by 1) ids) locked
                        """)
                .param(CERTIFICATE_LOCKS).param(sortedCertificateIds.toArray(String[]::new)).query(Long.class).single();
    }

    private Map<String, CertificateOwnership.Holding> holdings(Set<String> certificateIds) {
        String[] ids = certificateIds.toArray(String[]::new);
        Map<String, Set<String>> former = new HashMap<>();
        jdbc.sql("select certificate_id, from_partner_id from program.certificate_transfer where certificate_id = any(?)")
                .param(ids).query(rs -> {
                    former.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
                });
        Map<String, CertificateOwnership.Holding> holdings = new HashMap<>();
        jdbc.sql("select certificate_id, partner_id, granted from program.certificate where certificate_id = any(?)")
                .param(ids).query(rs -> {
                    holdings.put(rs.getString(1), new CertificateOwnership.Holding(rs.getString(2), rs.getBoolean(3),
                            former.getOrDefault(rs.getString(1), Set.of())));
                });
        return holdings;
    }

    private List<String> holdersOf(Set<String> certificateIds) {
        if (certificateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct partner_id from program.certificate where certificate_id = any(?)")
                .param(certificateIds.toArray(String[]::new)).query(String.class).list();
    }

    private static String sqlOf(CertificationEvent event) {
        if (event instanceof CertificationGranted) {
            return GRANTS;
        }
        return event instanceof CertificationTransferred ? TRANSFER : CHANGE_STATUS;
    }

    private static SqlParameterSource parameters(CertificationEvent event, Timestamp now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", event.certificateId()).addValue("now", now);
        if (event instanceof CertificationRevoked revoked) {
            return parameters.addValue("partner", revoked.partnerId()).addValue("status", "REVOKED")
                    .addValue("reason", revoked.reason());
        }
        if (event instanceof CertificationExpired expired) {
            return parameters.addValue("partner", expired.partnerId()).addValue("status", "EXPIRED")
                    .addValue("reason", null);
        }
        CertificationTransferred transferred = (CertificationTransferred) event;
        return parameters.addValue("partner", transferred.toPartnerId()).addValue("from", transferred.fromPartnerId())
                .addValue("at", transferred.time() == null ? null : Timestamp.from(transferred.time().toInstant()),
                        Types.TIMESTAMP);
    }

    Headcount headcount(String partnerId, LocalDate onDay) {
        return jdbc.sql("""
                        select count(distinct engineer_id) filter (where track = 'AUTOMATION' and level = 'SERVICE'),
                               count(distinct engineer_id) filter (where track = 'AUTOMATION'),
                               count(distinct engineer_id) filter (where track = 'DEVELOPMENT')
                        from program.certificate
                        where partner_id = ? and granted and status = 'VALID'
                          and (expires_on is null or expires_on >= ?)
                        """)
                .params(partnerId, onDay)
                .query((rs, i) -> new Headcount(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    /** {@link #headcount} of many companies in one statement; a company without counted certificates has none. */
    Map<String, Headcount> headcounts(Collection<String> partnerIds, LocalDate onDay) {
        Map<String, Headcount> headcounts = new HashMap<>();
        jdbc.sql("""
                        select partner_id,
                               count(distinct engineer_id) filter (where track = 'AUTOMATION' and level = 'SERVICE'),
                               count(distinct engineer_id) filter (where track = 'AUTOMATION'),
                               count(distinct engineer_id) filter (where track = 'DEVELOPMENT')
                        from program.certificate
                        where partner_id = any(?) and granted and status = 'VALID'
                          and (expires_on is null or expires_on >= ?)
                        group by partner_id
                        """)
                .params(partnerIds.toArray(String[]::new), onDay)
                .query(rs -> {
                    headcounts.put(rs.getString(1), new Headcount(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return headcounts;
    }

    Map<String, List<CountedCertificate>> countedOfActivePartnersWithExpiries(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select c.certificate_id, c.partner_id, c.engineer_id, c.track, c.level, c.expires_on
                        from program.certificate c
                        where c.granted and c.status = 'VALID' and (c.expires_on is null or c.expires_on >= :from)
                          and c.partner_id in (
                              select e.partner_id from program.certificate e
                              join program.partner p on p.partner_id = e.partner_id and p.status = 'ACTIVE'
                              where e.granted and e.status = 'VALID' and e.expires_on >= :from
                                and e.expires_on < :until)
                        order by c.partner_id
                        """)
                .param("from", from).param("until", until)
                .query(CountedCertificate::read)
                .list().stream()
                .collect(Collectors.groupingBy(CountedCertificate::partnerId, LinkedHashMap::new, Collectors.toList()));
    }

    List<CountedCertificate> counted(String partnerId, LocalDate onDay) {
        return jdbc.sql("""
                        select certificate_id, partner_id, engineer_id, track, level, expires_on
                        from program.certificate
                        where partner_id = ? and granted and status = 'VALID'
                          and (expires_on is null or expires_on >= ?)
                        order by certificate_id
                        """)
                .params(partnerId, onDay)
                .query(CountedCertificate::read)
                .list();
    }

    Set<String> activePartnersWithExpiries(LocalDate from, LocalDate until) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select distinct c.partner_id from program.certificate c
                        join program.partner p on p.partner_id = c.partner_id and p.status = 'ACTIVE'
                        where c.granted and c.status = 'VALID' and c.expires_on >= ? and c.expires_on < ?
                        """)
                .params(from, until).query(String.class).list());
    }

    /**
     * Why the engineer's certificates of this company no longer count on {@code onDay}: each one revoked, past its
     * last valid day, or transferred to another company, described in a sentence.
     */
    List<String> lapsedOf(String partnerId, String engineerId, LocalDate onDay) {
        return jdbc.sql("""
                        select c.certificate_id, c.partner_id, c.status, c.status_reason, c.expires_on, c.track, c.level
                        from program.certificate c
                        where c.engineer_id = :engineer
                          and (c.partner_id = :partner or c.certificate_id in (
                              select t.certificate_id from program.certificate_transfer t
                              where t.from_partner_id = :partner))
                        order by c.certificate_id
                        """)
                .param("engineer", engineerId).param("partner", partnerId)
                .query((rs, row) -> {
                    String certificate = rs.getString(7) == null ? rs.getString(6) : rs.getString(6) + "/" + rs.getString(7);
                    String id = "certificate " + rs.getString(1) + " (" + certificate + ")";
                    LocalDate expiresOn = rs.getObject(5, LocalDate.class);
                    if (!partnerId.equals(rs.getString(2))) {
                        return id + " transferred to " + rs.getString(2);
                    }
                    if ("REVOKED".equals(rs.getString(3))) {
                        return id + " revoked" + (rs.getString(4) == null ? "" : ": " + rs.getString(4));
                    }
                    if ("EXPIRED".equals(rs.getString(3)) || (expiresOn != null && expiresOn.isBefore(onDay))) {
                        return id + " expired" + (expiresOn == null ? "" : " (last valid day " + expiresOn + ")");
                    }
                    return null;
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

}
