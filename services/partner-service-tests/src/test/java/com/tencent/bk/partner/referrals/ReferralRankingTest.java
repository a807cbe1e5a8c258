package com.tencent.bk.partner.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.referrals.ReferralRanking.Candidate;
import com.tencent.bk.partner.referrals.ReferralRanking.Criterion;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rule on its own: who may take an edition, and the order of the configured criteria. */
class ReferralRankingTest {

    private static final List<Criterion> DEFAULT = List.of(Criterion.LEVEL, Criterion.REGION, Criterion.FEWEST_OPEN);

    @Test
    void anEnterpriseEditionLeadIsNeverRankedForACommunityPartnerWhileACommunityLeadIsForBoth() {
        Candidate community = candidate("C", PartnerType.COMMUNITY, null, "广东", 0);
        Candidate enterprise = candidate("E", PartnerType.ENTERPRISE, PartnerLevel.TRIAL, "北京", 5);
        Candidate education = candidate("D", PartnerType.EDUCATION, null, "广东", 0);

        assertThat(new ReferralRanking(DEFAULT).rank(Edition.ENTERPRISE, "广东", List.of(community, enterprise, education)))
                .extracting(Candidate::partnerId).containsExactly("E");
        assertThat(new ReferralRanking(List.of(Criterion.REGION)).rank(Edition.COMMUNITY, "广东",
                List.of(enterprise, community, education))).extracting(Candidate::partnerId).containsExactly("C", "E");
    }

    @Test
    void higherLevelFirstThenTheCustomersRegionThenFewestOpenReferrals() {
        Candidate level1Elsewhere = candidate("A", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_1, "北京", 3);
        Candidate level2HereBusy = candidate("B", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_2, "guangdong", 2);
        Candidate level2HereFree = candidate("C", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_2, "Guangdong ", 0);
        Candidate level2Elsewhere = candidate("D", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_2, null, 0);
        Candidate community = candidate("E", PartnerType.COMMUNITY, null, "Guangdong", 0);
        Candidate trial = candidate("F", PartnerType.ENTERPRISE, PartnerLevel.TRIAL, "Guangdong", 0);

        assertThat(new ReferralRanking(DEFAULT).rank(Edition.COMMUNITY, "GUANGDONG", List.of(community, trial,
                level2Elsewhere, level2HereBusy, level2HereFree, level1Elsewhere)))
                .extracting(Candidate::partnerId).containsExactly("A", "C", "B", "D", "F", "E");
    }

    @Test
    void theProgramOfficeMayPutTheRegionFirstAndTiesGoToThePartnerOfferedALeadLongestAgo() {
        Candidate level1Elsewhere = candidate("A", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_1, "北京", 0);
        Candidate recentlyOffered = new Candidate("B", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_3, "广东", 0,
                Instant.parse("2026-03-02T00:00:00Z"));
        Candidate offeredLongAgo = new Candidate("C", PartnerType.ENTERPRISE, PartnerLevel.LEVEL_3, "广东", 0,
                Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(new ReferralRanking(List.of(Criterion.REGION, Criterion.LEVEL)).rank(Edition.ENTERPRISE, "广东",
                List.of(level1Elsewhere, recentlyOffered, offeredLongAgo)))
                .extracting(Candidate::partnerId).containsExactly("C", "B", "A");
    }

    private static Candidate candidate(String id, PartnerType type, PartnerLevel level, String region, int open) {
        return new Candidate(id, type, level, region, open, null);
    }
}
