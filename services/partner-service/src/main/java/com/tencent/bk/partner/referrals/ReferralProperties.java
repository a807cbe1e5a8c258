package com.tencent.bk.partner.referrals;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param offerPeriod          how long a partner has to answer: the offer runs to the end of that many program
 *                             days (Asia/Shanghai) after the day it was made
 * @param maxUnsuccessfulOffers offers declined or left to expire before the lead goes to the managers
 * @param ranking              the order of the ranking criteria, most important first (the program office's rule)
 * @param rotationWindow       an accepted referral counts as open for the fair rotation this long
 */
@Validated
@ConfigurationProperties("partner.referrals")
record ReferralProperties(Period offerPeriod, int maxUnsuccessfulOffers, List<ReferralRanking.Criterion> ranking,
                          Period rotationWindow) {

    ReferralProperties {
        if (offerPeriod == null || offerPeriod.isNegative() || offerPeriod.isZero()) {
            throw new IllegalArgumentException("partner.referrals.offer-period must be at least one day");
        }
        if (maxUnsuccessfulOffers < 1) {
            throw new IllegalArgumentException("partner.referrals.max-unsuccessful-offers must be at least 1");
        }
        if (ranking == null || ranking.isEmpty() || ranking.stream().distinct().count() != ranking.size()) {
            throw new IllegalArgumentException("partner.referrals.ranking must name each criterion at most once");
        }
        ranking = List.copyOf(ranking);
    }
}
