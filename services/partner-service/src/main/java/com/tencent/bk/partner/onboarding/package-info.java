/**
 * Onboarding: an application from the partner website ({@code POST /api/applications}) runs through
 * {@code partner-onboarding}: qualification check, review (and for ENTERPRISE a second, four-eyes approval),
 * the service fee, signing, and activation under a contract. The delegates here are thin adapters from the
 * model to the calls of this package.
 */
package com.tencent.bk.partner.onboarding;
