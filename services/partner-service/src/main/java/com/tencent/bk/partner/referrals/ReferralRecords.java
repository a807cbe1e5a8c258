package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The referrals and every offer made of them: {@code program.referral} and {@code program.referral_offer}. */
@Component
class ReferralRecords {

    enum Outcome {
        ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
    }

    record Referral(UUID referralId, String customerName, String customerRegion, String customerContact,
                    Edition edition, String services, String status, Instant receivedAt, String placedWith,
                    String placedBy, String placementComment, String processInstanceId) {
    }

    record Offer(long offerId, UUID referralId, String partnerId, Instant offeredAt, Instant respondBy,
                 Outcome outcome, String reason, String answeredBy, Instant closedAt) {
    }

    private static final String REFERRAL_COLUMNS = """
            referral_id, customer_name, customer_region, customer_contact, edition, services, status, received_at,
            placed_with, placed_by, placement_comment, process_instance_id
            """;
    private static final String OFFER_COLUMNS = """
            offer_id, referral_id, partner_id, offered_at, respond_by, outcome, reason, answered_by, closed_at
            """;

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    ReferralRecords(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(UUID referralId, String customerName, String customerRegion, String customerContact, Edition edition,
                String servicesJson, String receivedBy) {
        jdbc.sql("""
                        insert into program.referral (referral_id, customer_name, customer_region, customer_contact,
                                                      edition, services, status, received_by, received_at)
                        values (?, ?, ?, ?, ?, ?, 'OFFERING', ?, ?)
                        """)
                .params(referralId, customerName, customerRegion, customerContact, edition.name(), servicesJson,
                        receivedBy, Timestamp.from(clock.now()))
                .update();
    }

    void attachProcess(UUID referralId, String processInstanceId) {
        jdbc.sql("update program.referral set process_instance_id = ? where referral_id = ?")
                .params(processInstanceId, referralId).update();
    }

    Optional<Referral> find(UUID referralId) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + " from program.referral where referral_id = ?")
                .param(referralId).query(ReferralRecords::referral).optional();
    }

    /** Reads the referral and locks it: answers, expiries and withdrawals of its offers are taken one at a time. */
    Optional<Referral> lock(UUID referralId) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + " from program.referral where referral_id = ? for update")
                .param(referralId).query(ReferralRecords::referral).optional();
    }

    void changeStatus(UUID referralId, String status) {
        jdbc.sql("update program.referral set status = ? where referral_id = ?").params(status, referralId).update();
    }

    void recordPlacement(UUID referralId, String placedWith, String placedBy, String comment) {
        jdbc.sql("""
                        update program.referral set status = ?, placed_with = ?, placed_by = ?, placement_comment = ?
                        where referral_id = ?
                        """)
                .params(placedWith == null ? "NOT_PLACED" : "PLACED", placedWith, placedBy, comment, referralId)
                .update();
    }

    void offer(UUID referralId, String partnerId, Instant respondBy) {
        jdbc.sql("""
                        insert into program.referral_offer (referral_id, partner_id, offered_at, respond_by)
                        values (?, ?, ?, ?)
                        """)
                .params(referralId, partnerId, Timestamp.from(clock.now()), Timestamp.from(respondBy)).update();
    }

    Optional<Offer> openOffer(UUID referralId) {
        return jdbc.sql("select " + OFFER_COLUMNS + " from program.referral_offer where referral_id = ? and outcome is null")
                .param(referralId).query(ReferralRecords::offer).optional();
    }

    void close(Offer offer, Outcome outcome, String reason, String answeredBy) {
        jdbc.sql("""
                        update program.referral_offer set outcome = ?, reason = ?, answered_by = ?, closed_at = ?
                        where offer_id = ? and outcome is null
                        """)
                .params(outcome.name(), reason, answeredBy, Timestamp.from(clock.now()), offer.offerId()).update();
    }

    List<Offer> offersOf(UUID referralId) {
        return jdbc.sql("select " + OFFER_COLUMNS + " from program.referral_offer where referral_id = ? order by offer_id")
                .param(referralId).query(ReferralRecords::offer).list();
    }

    /** The open offers the partner holds, oldest first. */
    List<UUID> referralsOfferedTo(String partnerId) {
        return jdbc.sql("""
                        select referral_id from program.referral_offer where partner_id = ? and outcome is null
                        order by offer_id
                        """)
                .param(partnerId).query(UUID.class).list();
    }

    /** Offers of this lead that were declined or left to expire. */
    int unsuccessfulOffers(UUID referralId) {
        return jdbc.sql("""
                        select count(*) from program.referral_offer
                        where referral_id = ? and outcome in ('DECLINED', 'EXPIRED')
                        """)
                .param(referralId).query(Integer.class).single();
    }

    /**
     * The ACTIVE technical partners never offered this lead, with their open referrals: offers awaiting an answer
     * and leads accepted since {@code acceptedSince}.
     */
    List<ReferralRanking.Candidate> candidates(UUID referralId, Instant acceptedSince) {
        return jdbc.sql("""
                        select p.partner_id, p.type, p.level, p.region,
                               (select count(*) from program.referral_offer o where o.partner_id = p.partner_id
                                  and (o.outcome is null or (o.outcome = 'ACCEPTED' and o.closed_at >= :since))) as open,
                               (select max(o.offered_at) from program.referral_offer o
                                  where o.partner_id = p.partner_id) as last_offered
                        from program.partner p
                        where p.status = 'ACTIVE' and p.type in (:types)
                          and not exists (select 1 from program.referral_offer o
                                          where o.referral_id = :referral and o.partner_id = p.partner_id)
                        """)
                .param("since", Timestamp.from(acceptedSince)).param("referral", referralId)
                .param("types", Edition.technicalTypes().stream().map(Enum::name).toList())
                .query((rs, row) -> {
                    String level = rs.getString("level");
                    Timestamp last = rs.getTimestamp("last_offered");
                    return new ReferralRanking.Candidate(rs.getString("partner_id"),
                            PartnerType.valueOf(rs.getString("type")), level == null ? null : PartnerLevel.valueOf(level),
                            rs.getString("region"), rs.getInt("open"), last == null ? null : last.toInstant());
                })
                .list();
    }

    /** A partner's offers, newest first, with the referral each was of. */
    List<PartnerOffer> offersTo(String partnerId) {
        return jdbc.sql("select " + OFFER_COLUMNS + ", " + REFERRAL_COLUMNS.replace("referral_id, ", "")
                        + " from program.referral_offer join program.referral using (referral_id)"
                        + " where partner_id = ? order by offer_id desc")
                .param(partnerId)
                .query((rs, row) -> new PartnerOffer(offer(rs, row), referral(rs, row)))
                .list();
    }

    record PartnerOffer(Offer offer, Referral referral) {
    }

    /** Per partner that let at least one offer expire: how many it was offered, answered and let expire. */
    List<AnswerRecord> partnersWithExpiredOffers() {
        return jdbc.sql("""
                        select o.partner_id, p.company_name, count(*) as offered,
                               count(*) filter (where o.outcome in ('ACCEPTED', 'DECLINED')) as answered,
                               count(*) filter (where o.outcome = 'EXPIRED') as expired,
                               max(o.offered_at) as last_offered
                        from program.referral_offer o join program.partner p using (partner_id)
                        group by o.partner_id, p.company_name
                        having count(*) filter (where o.outcome = 'EXPIRED') > 0
                        order by count(*) filter (where o.outcome in ('ACCEPTED', 'DECLINED')), expired desc, o.partner_id
                        """)
                .query((rs, row) -> new AnswerRecord(rs.getString("partner_id"), rs.getString("company_name"),
                        rs.getInt("offered"), rs.getInt("answered"), rs.getInt("expired"),
                        rs.getTimestamp("last_offered").toInstant()))
                .list();
    }

    record AnswerRecord(String partnerId, String companyName, int offered, int answered, int expired,
                        Instant lastOfferedAt) {

        public boolean neverAnswered() {
            return answered == 0;
        }
    }

    private static Referral referral(ResultSet rs, int row) throws SQLException {
        return new Referral(rs.getObject("referral_id", UUID.class), rs.getString("customer_name"),
                rs.getString("customer_region"), rs.getString("customer_contact"),
                Edition.valueOf(rs.getString("edition")), rs.getString("services"), rs.getString("status"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("placed_with"), rs.getString("placed_by"),
                rs.getString("placement_comment"), rs.getString("process_instance_id"));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Offer(rs.getLong("offer_id"), rs.getObject("referral_id", UUID.class), rs.getString("partner_id"),
                rs.getTimestamp("offered_at").toInstant(), rs.getTimestamp("respond_by").toInstant(),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("reason"), rs.getString("answered_by"),
                closed == null ? null : closed.toInstant());
    }
}
