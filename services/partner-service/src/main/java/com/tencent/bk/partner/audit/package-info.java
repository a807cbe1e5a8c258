/**
 * The quarterly random audit of certified headcounts: a draw of ACTIVE partners with a seed the service draws
 * itself (never the caller's) and records with the population, so the draw can be replayed; an evidence snapshot
 * of the certificates counted on the audit date, one task per partner for {@code auditors}, and what each outcome
 * does — confirmed, mismatch (the tier is held against the headcount the auditor verified: below the minimum, a
 * shortfall), deception (a breach: a termination raised by the auditor, who cannot confirm it).
 */
package com.tencent.bk.partner.audit;
