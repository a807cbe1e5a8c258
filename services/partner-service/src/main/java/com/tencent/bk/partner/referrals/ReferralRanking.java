package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.registry.Regions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who is offered a lead next: of the ACTIVE partners that may take its edition and were not offered it before,
 * the first by the configured criteria ({@code partner.referrals.ranking}, by default level, then region, then
 * fewest open referrals). Ties go to the partner offered a lead longest ago (never first), then by partnerId, so
 * the choice is always the same for the same facts.
 */
final class ReferralRanking {

    enum Criterion {
        /** Higher enterprise level first; partners without a level (community) after TRIAL. */
        LEVEL,
        /** Partners of the customer's region first. */
        REGION,
        /** Fewest open referrals first: offers awaiting an answer and leads accepted within the rotation window. */
        FEWEST_OPEN
    }

    /** An ACTIVE partner that could be offered the lead. */
    record Candidate(String partnerId, PartnerType type, PartnerLevel level, String region, int openReferrals,
                     Instant lastOfferedAt) {
    }

    private final List<Criterion> criteria;

    ReferralRanking(List<Criterion> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    List<Candidate> rank(Edition edition, String customerRegion, List<Candidate> candidates) {
        Comparator<Candidate> order = null;
        for (Criterion criterion : criteria) {
            Comparator<Candidate> next = comparator(criterion, customerRegion);
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<Candidate> tieBreak = Comparator.comparing(Candidate::lastOfferedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Candidate::partnerId);
        Comparator<Candidate> ranking = order == null ? tieBreak : order.thenComparing(tieBreak);
        return candidates.stream().filter(candidate -> edition.mayBeReferredTo(candidate.type())).sorted(ranking)
                .toList();
    }

    private static Comparator<Candidate> comparator(Criterion criterion, String customerRegion) {
        return switch (criterion) {
            case LEVEL -> Comparator.comparingInt(ReferralRanking::levelRank);
            case REGION -> Comparator.comparingInt(candidate -> Regions.match(candidate.region(), customerRegion) ? 0 : 1);
            case FEWEST_OPEN -> Comparator.comparingInt(Candidate::openReferrals);
        };
    }

    /** 0 for the highest level. */
    private static int levelRank(Candidate candidate) {
        int index = candidate.level() == null ? -1 : PartnerLevel.HIGHEST_FIRST.indexOf(candidate.level());
        return index < 0 ? PartnerLevel.HIGHEST_FIRST.size() : index;
    }
}
