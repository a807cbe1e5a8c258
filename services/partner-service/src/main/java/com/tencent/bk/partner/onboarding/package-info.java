/**
 * Onboarding: an application from the partner website ({@code POST /api/applications}) runs through
 * {@code partner-onboarding}: qualification check, review (and for ENTERPRISE a second, four-eyes approval),
 * the service fee, signing, and activation under a contract. The minimums hold at first signing: a signature
 * while the company's current headcount falls short of its type's minimums is refused, and the partner is
 * activated at the level its headcount earns when signing ({@code SigningQualification}). An application that
 * ends without a partnership after its fee was paid leaves the fee recorded as to be returned. The delegates
 * here are thin adapters from the model to the calls of this package.
 */
package com.tencent.bk.partner.onboarding;
