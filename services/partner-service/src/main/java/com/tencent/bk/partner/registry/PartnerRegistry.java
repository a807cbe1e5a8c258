package com.tencent.bk.partner.registry;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and changes partners and their contracts. Callers provide the transaction. */
@Component
public class PartnerRegistry {

    private static final String PARTNER_COLUMNS = """
            partner_id, company_name, type, level, status, contact_name, contact_email, contact_phone, updated_at
            """;

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    PartnerRegistry(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Partner> find(String partnerId) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from program.partner where partner_id = ?")
                .param(partnerId).query(PartnerRegistry::partner).optional();
    }

    /** Reads the partner and locks its row until the transaction ends. */
    public Optional<Partner> lock(String partnerId) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from program.partner where partner_id = ? for update")
                .param(partnerId).query(PartnerRegistry::partner).optional();
    }

    /**
     * Whether the partner is ACTIVE, its row then held (shared) until the transaction ends, so that its partnership
     * cannot end meanwhile. A change of the row in flight is waited for and its outcome answers.
     */
    public boolean holdIfActive(String partnerId) {
        return jdbc.sql("select 1 from program.partner where partner_id = ? and status = 'ACTIVE' for share")
                .param(partnerId).query(Integer.class).optional().isPresent();
    }

    /**
     * As {@link #holdIfActive}, but a partner whose row another transaction is changing right now counts as not
     * ACTIVE instead of being waited for: for a choice among many partners, made by a transaction that already
     * holds other rows, so that it never waits in a cycle with the change.
     */
    public boolean holdIfActiveWithoutWaiting(String partnerId) {
        return jdbc.sql("select 1 from program.partner where partner_id = ? and status = 'ACTIVE' "
                        + "for share skip locked")
                .param(partnerId).query(Integer.class).optional().isPresent();
    }

    /** The ACTIVE partners among these companies, their rows locked until the transaction ends. */
    public List<Partner> lockActive(java.util.Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + PARTNER_COLUMNS + " from program.partner where partner_id = any(?) "
                        + "and status = 'ACTIVE' order by partner_id for update")
                .param(partnerIds.toArray(String[]::new))
                .query(PartnerRegistry::partner).list();
    }

    public void changeLevel(String partnerId, PartnerLevel level) {
        int updated = jdbc.sql("update program.partner set level = ?, updated_at = ? where partner_id = ?")
                .params(level.name(), Timestamp.from(clock.now()), partnerId).update();
        requireOne(updated, partnerId);
    }

    /** Records a company that applied: a new partner row, or the old one (rejected, expired…) reopened. */
    public void recordApplicant(String partnerId, String companyName, PartnerType type, Partner.Contact contact) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                        insert into program.partner (partner_id, company_name, type, level, status, contact_name,
                                                     contact_email, contact_phone, created_at, updated_at)
                        values (:id, :name, :type, null, 'APPLIED', :contactName, :email, :phone, :now, :now)
                        on conflict (partner_id) do update set company_name = excluded.company_name,
                            type = excluded.type, level = null, status = 'APPLIED',
                            -- a new application is decided afresh, not compared with the last partnership's result
                            evaluation_outcome = null, qualifying_level = null,
                            contact_name = excluded.contact_name, contact_email = excluded.contact_email,
                            contact_phone = excluded.contact_phone, updated_at = excluded.updated_at
                        """)
                .param("id", partnerId).param("name", companyName).param("type", type.name())
                .param("contactName", contact.name()).param("email", contact.email()).param("phone", contact.phone())
                .param("now", now)
                .update();
    }

    /** The region the company gave in its latest application (null: none given); see {@link Regions}. */
    public void changeRegion(String partnerId, String region) {
        requireOne(jdbc.sql("update program.partner set region = ? where partner_id = ?")
                .params(Regions.normalize(region), partnerId).update(), partnerId);
    }

    public Optional<String> regionOf(String partnerId) {
        return jdbc.sql("select region from program.partner where partner_id = ?").param(partnerId)
                .query(String.class).optional();
    }

    public void changeStatus(String partnerId, PartnerStatus status) {
        int updated = jdbc.sql("update program.partner set status = ?, updated_at = ? where partner_id = ?")
                .params(status.name(), Timestamp.from(clock.now()), partnerId).update();
        requireOne(updated, partnerId);
    }

    /** Moves the partner from one status to another; false when it is not in {@code from} (nothing changes). */
    public boolean changeStatus(String partnerId, PartnerStatus from, PartnerStatus to) {
        return jdbc.sql("update program.partner set status = ?, updated_at = ? where partner_id = ? and status = ?")
                .params(to.name(), Timestamp.from(clock.now()), partnerId, from.name()).update() == 1;
    }

    /** The partner becomes ACTIVE under a new contract. */
    public void activate(String partnerId, PartnerLevel level, Contract contract, java.util.UUID applicationId) {
        Partner partner = lock(partnerId).orElseThrow(() -> new IllegalStateException("Unknown partner " + partnerId));
        jdbc.sql("""
                        insert into program.contract (contract_id, partner_id, application_id, type, level, starts_on,
                                                      ends_on, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                        """)
                .params(contract.contractId(), partnerId, applicationId, partner.type().name(),
                        level == null ? null : level.name(), contract.startsOn(), contract.endsOn(),
                        Timestamp.from(clock.now()))
                .update();
        jdbc.sql("update program.partner set status = 'ACTIVE', level = ?, updated_at = ? where partner_id = ?")
                .params(level == null ? null : level.name(), Timestamp.from(clock.now()), partnerId)
                .update();
    }

    /** The partnership ends now: status TERMINATED, the running contract ended on {@code effectiveOn}. */
    public void terminate(String partnerId, LocalDate effectiveOn) {
        endPartnership(partnerId, PartnerStatus.TERMINATED, "TERMINATED", effectiveOn);
    }

    /** The contract ran out without renewal: status EXPIRED. */
    public void expire(String partnerId, LocalDate endedOn) {
        endPartnership(partnerId, PartnerStatus.EXPIRED, "ENDED", endedOn);
    }

    private void endPartnership(String partnerId, PartnerStatus status, String contractStatus, LocalDate endedOn) {
        changeStatus(partnerId, status);
        jdbc.sql("""
                        update program.contract set status = ?, ended_on = ?
                        where partner_id = ? and status = 'ACTIVE'
                        """)
                .params(contractStatus, endedOn, partnerId).update();
    }

    /** A further term: the old contract ends, the new one starts, at the level the renewal granted. */
    public void renew(String partnerId, PartnerLevel level, Contract next) {
        Partner partner = lock(partnerId).orElseThrow(() -> new IllegalStateException("Unknown partner " + partnerId));
        jdbc.sql("update program.contract set status = 'ENDED', ended_on = ? where partner_id = ? and status = 'ACTIVE'")
                .params(next.startsOn().minusDays(1), partnerId).update();
        jdbc.sql("""
                        insert into program.contract (contract_id, partner_id, type, level, starts_on, ends_on, status,
                                                      created_at)
                        values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                        """)
                .params(next.contractId(), partnerId, partner.type().name(), level == null ? null : level.name(),
                        next.startsOn(), next.endsOn(), Timestamp.from(clock.now()))
                .update();
        jdbc.sql("update program.partner set level = ?, updated_at = ? where partner_id = ?")
                .params(level == null ? null : level.name(), Timestamp.from(clock.now()), partnerId).update();
    }

    public boolean contractExists(String contractId) {
        return jdbc.sql("select count(*) from program.contract where contract_id = ?").param(contractId)
                .query(Integer.class).single() > 0;
    }

    /** The partner's newest contract, if it ever had one. */
    public Optional<Contract> currentContract(String partnerId) {
        return jdbc.sql("""
                        select contract_id, partner_id, starts_on, ends_on from program.contract
                        where partner_id = ? order by starts_on desc, created_at desc limit 1
                        """)
                .param(partnerId)
                .query((rs, i) -> new Contract(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .optional();
    }

    public List<Partner> directory(DirectoryQuery query) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from program.partner" + query.where()
                        + " order by partner_id limit :limit offset :offset")
                .paramSource(query.parameters())
                .query(PartnerRegistry::partner).list();
    }

    public long count(DirectoryQuery query) {
        return jdbc.sql("select count(*) from program.partner" + query.where())
                .paramSource(query.parameters()).query(Long.class).single();
    }

    private static void requireOne(int updated, String partnerId) {
        if (updated != 1) {
            throw new IllegalStateException("Unknown partner " + partnerId);
        }
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        String level = rs.getString("level");
        return new Partner(rs.getString("partner_id"), rs.getString("company_name"),
                PartnerType.valueOf(rs.getString("type")), level == null ? null : PartnerLevel.valueOf(level),
                PartnerStatus.valueOf(rs.getString("status")),
                new Partner.Contact(rs.getString("contact_name"), rs.getString("contact_email"),
                        rs.getString("contact_phone")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
