package com.tencent.bk.partner.audit;

/** What an auditor found for one sampled partner. */
enum AuditOutcome {
    /** The registered certified headcount is real. */
    CONFIRMED,
    /** It differs from reality: the tier is decided again. */
    MISMATCH,
    /** The partner deceived: a breach of contract, terminated. */
    DECEPTION
}
