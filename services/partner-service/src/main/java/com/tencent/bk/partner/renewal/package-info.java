/**
 * Renewal: each contract has a {@code partner-renewal} process from its first day. A configurable time before
 * the contract ends it re-checks the qualifications (a Trial partner must have reached the full enterprise
 * headcount within its first year), then review, the renewal fee, re-signing and a new term — or the
 * partnership expires at the contract's end.
 */
package com.tencent.bk.partner.renewal;
