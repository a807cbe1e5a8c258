/**
 * The sharing plan (分享计划): BlueKing's CRM refers customer leads ({@code POST /api/referrals}); process
 * {@code lead-referral} offers each lead to one eligible technical partner at a time, ranked by
 * {@link com.tencent.bk.partner.referrals.ReferralRanking}; the partner answers through the website, an offer not
 * answered by its deadline expires, and a lead no partner took goes to the partner managers to place by hand.
 * Every offer, answer and expiry is kept in {@code program.referral_offer}, the truth the answers are checked
 * against.
 */
package com.tencent.bk.partner.referrals;
