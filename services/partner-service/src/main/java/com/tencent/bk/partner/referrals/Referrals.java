package com.tencent.bk.partner.referrals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.referrals.ReferralEvents.ReferralAccepted;
import com.tencent.bk.partner.referrals.ReferralEvents.ReferralExpired;
import com.tencent.bk.partner.referrals.ReferralEvents.ReferralOffered;
import com.tencent.bk.partner.referrals.ReferralRecords.Offer;
import com.tencent.bk.partner.referrals.ReferralRecords.Outcome;
import com.tencent.bk.partner.referrals.ReferralRecords.Referral;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.Regions;
import com.tencent.bk.partner.renewal.PartnershipExpired;
import com.tencent.bk.partner.termination.PartnershipTerminated;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the sharing plan does; every method runs in the caller's transaction (the request's or the engine's). */
@Service
class Referrals {

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    /** The lead is not (or no longer) offered to the partner that answered. */
    static class NotOfferedException extends RuntimeException {
        NotOfferedException(String message) {
            super(message);
        }
    }

    static class UnknownReferralException extends RuntimeException {
        UnknownReferralException(UUID referralId) {
            super("No referral " + referralId);
        }
    }

    /** The next step of a lead: offered to a partner until {@code respondBy}, or to be placed by hand, and why. */
    record NextStep(String offeredTo, Instant respondBy, String placementReason) {
    }

    private final ReferralRecords records;
    private final Outbox outbox;
    private final Workflows workflows;
    private final ProgramClock clock;
    private final ReferralProperties properties;
    private final ReferralRanking ranking;
    private final PartnerRegistry registry;
    private final ObjectMapper json;

    Referrals(ReferralRecords records, Outbox outbox, Workflows workflows, ProgramClock clock,
              ReferralProperties properties, PartnerRegistry registry, ObjectMapper json) {
        this.records = records;
        this.outbox = outbox;
        this.workflows = workflows;
        this.clock = clock;
        this.properties = properties;
        this.ranking = new ReferralRanking(properties.ranking());
        this.registry = registry;
        this.json = json;
    }

    @Transactional
    UUID receive(ReferralRequest request, String receivedBy) {
        UUID referralId = UUID.randomUUID();
        Edition edition = Edition.valueOf(request.edition());
        String region = Regions.normalize(request.customer().region());
        records.insert(referralId, request.customer().name(), region, request.customer().contact(), edition,
                toJson(request.services()), receivedBy);
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralId", referralId.toString());
        variables.put("customerName", request.customer().name());
        variables.put("customerRegion", region);
        variables.put("edition", edition.name());
        variables.put("services", String.join(", ", request.services()));
        String processInstanceId = workflows.start(Bpmn.LEAD_REFERRAL, referralId.toString(), variables);
        records.attachProcess(referralId, processInstanceId);
        return referralId;
    }

    /**
     * Offers the lead to the best-ranked eligible partner it was not offered before, unless too many offers were
     * declined or let expire already or no such partner is left: then the managers place it.
     */
    NextStep offerToNextPartner(UUID referralId) {
        Referral referral = records.lock(referralId).orElseThrow(() -> new UnknownReferralException(referralId));
        int unsuccessful = records.unsuccessfulOffers(referralId);
        if (unsuccessful >= properties.maxUnsuccessfulOffers()) {
            return awaitPlacement(referralId, unsuccessful + " offers declined or not answered (limit "
                    + properties.maxUnsuccessfulOffers() + ")");
        }
        Instant acceptedSince = clock.today().minus(properties.rotationWindow())
                .atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant();
        List<ReferralRanking.Candidate> ranked = ranking.rank(referral.edition(), referral.customerRegion(),
                records.candidates(referralId, acceptedSince));
        // the ranking read partners without locks: the first still ACTIVE is held, so a partnership ending later
        // waits for this offer and withdraws it. One being changed right now is passed over, not waited for: this
        // transaction holds the lead, and an ending partnership holding its partner may wait for the lead (its
        // withdrawal), or for another lead whose offer waits for this partner, at the same midnight
        Optional<String> chosen = ranked.stream().map(ReferralRanking.Candidate::partnerId)
                .filter(registry::holdIfActiveWithoutWaiting).findFirst();
        if (chosen.isEmpty()) {
            return awaitPlacement(referralId, "no eligible partner left to offer it to");
        }
        String partnerId = chosen.get();
        Instant respondBy = clock.today().plus(properties.offerPeriod()).plusDays(1)
                .atStartOfDay(ProgramClock.PROGRAM_ZONE).toInstant();
        records.offer(referralId, partnerId, respondBy);
        outbox.publish(new ReferralOffered(referralId, partnerId, respondBy));
        log.info("Referral {} offered to {} until {}", referralId, partnerId, respondBy);
        return new NextStep(partnerId, respondBy, null);
    }

    private NextStep awaitPlacement(UUID referralId, String reason) {
        records.changeStatus(referralId, "AWAITING_PLACEMENT");
        log.info("Referral {} goes to the managers: {}", referralId, reason);
        return new NextStep(null, null, reason);
    }

    /** The offer's deadline passed unanswered (the timer fired); nothing when it was answered meanwhile. */
    void expireOffer(UUID referralId, String partnerId) {
        records.lock(referralId);
        records.openOffer(referralId).filter(offer -> offer.partnerId().equals(partnerId)).ifPresent(offer -> {
            records.close(offer, Outcome.EXPIRED, "no answer by " + offer.respondBy(), null);
            outbox.publish(new ReferralExpired(referralId, partnerId, offer.respondBy()));
        });
    }

    @Transactional
    void accept(UUID referralId, String partnerId, String answeredBy) {
        Offer offer = openOfferTo(referralId, partnerId);
        records.close(offer, Outcome.ACCEPTED, null, answeredBy);
        records.changeStatus(referralId, "ACCEPTED");
        outbox.publish(new ReferralAccepted(referralId, partnerId, offer.respondBy()));
        deliver(Bpmn.REFERRAL_ACCEPTED_MESSAGE, referralId);
    }

    @Transactional
    void decline(UUID referralId, String partnerId, String reason, String answeredBy) {
        Offer offer = openOfferTo(referralId, partnerId);
        records.close(offer, Outcome.DECLINED, reason, answeredBy);
        deliver(Bpmn.REFERRAL_DECLINED_MESSAGE, referralId);
    }

    /** The answer counts only from the partner the lead is offered to now, read from the table. */
    private Offer openOfferTo(UUID referralId, String partnerId) {
        records.lock(referralId).orElseThrow(() -> new UnknownReferralException(referralId));
        return records.openOffer(referralId).filter(offer -> offer.partnerId().equals(partnerId))
                .orElseThrow(() -> new NotOfferedException("Referral " + referralId + " is not offered to "
                        + partnerId + " now (it may have expired, been answered, or been offered to another partner)"));
    }

    /** A partnership that ends loses its open offers; each lead moves on to the next partner. */
    @EventListener
    void onTerminated(PartnershipTerminated terminated) {
        withdrawOffersOf(terminated.partnerId(), "partnership terminated");
    }

    @EventListener
    void onExpired(PartnershipExpired expired) {
        withdrawOffersOf(expired.partnerId(), "partnership expired");
    }

    private void withdrawOffersOf(String partnerId, String reason) {
        for (UUID referralId : records.referralsOfferedTo(partnerId)) {
            records.lock(referralId);
            records.openOffer(referralId).filter(offer -> offer.partnerId().equals(partnerId)).ifPresent(offer -> {
                records.close(offer, Outcome.WITHDRAWN, reason, null);
                deliver(Bpmn.REFERRAL_WITHDRAWN_MESSAGE, referralId);
            });
        }
    }

    /** Recorded from the managers' {@code place-referral} decision; a partner named must be ACTIVE. */
    void place(UUID referralId, String placedWith, String placedBy, String comment) {
        records.lock(referralId);
        records.recordPlacement(referralId, placedWith, placedBy, comment);
    }

    /** The partner is held ACTIVE (its row, until the placement commits), so its partnership cannot end meanwhile. */
    boolean mayBePlacedWith(UUID referralId, String partnerId) {
        Referral referral = records.find(referralId).orElseThrow(() -> new UnknownReferralException(referralId));
        return registry.find(partnerId).filter(partner -> referral.edition().mayBeReferredTo(partner.type()))
                .isPresent() && registry.holdIfActive(partnerId);
    }

    Optional<Referral> find(UUID referralId) {
        return records.find(referralId);
    }

    private void deliver(String message, UUID referralId) {
        if (!workflows.correlate(message, referralId.toString())) {
            throw new IllegalStateException("Referral " + referralId + " has an open offer but no process waits for "
                    + message);
        }
    }

    private String toJson(List<String> services) {
        try {
            return json.writeValueAsString(services);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Services cannot be kept as JSON", e);
        }
    }
}
