/**
 * The quarterly random audit of certified headcounts: a reproducible draw of ACTIVE partners (the seed is
 * recorded), an evidence snapshot of the certificates counted on the audit date, one task per partner for
 * {@code auditors}, and what each outcome does — confirmed, mismatch (the tier is decided again), deception
 * (a breach: termination).
 */
package com.tencent.bk.partner.audit;
