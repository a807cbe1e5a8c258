/**
 * Renewal: each contract has a {@code partner-renewal} process from its first day. A configurable time before
 * the contract ends it re-checks the qualifications (a Trial partner must have reached the full enterprise
 * headcount within its first year), then review, the renewal fee, re-signing and a new term — or the
 * partnership expires at the contract's end. Every decision reads the registry as it is then ({@code
 * program.renewal} keeps each renewal's contract and invoice): qualifications are checked again when the manager
 * approves and when the renewal is signed, the new term takes the level the partner qualifies for at signing
 * ({@code bk.partner.level-changed} when it differs), and a renewal is signed only after the partner confirmed its
 * attestations for the new term ({@code program.renewal_attestation}). A renewal fee paid for a renewal that is
 * not signed is recorded as to be returned.
 */
package com.tencent.bk.partner.renewal;
