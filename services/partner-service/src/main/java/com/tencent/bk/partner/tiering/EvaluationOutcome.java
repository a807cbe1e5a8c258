package com.tencent.bk.partner.tiering;

/** What an evaluation of a partner's headcount against its type and level found. */
public enum EvaluationOutcome {
    /** Meets the minimums of its type and level, and qualifies for nothing higher. */
    MEETS,
    /** Below the minimums of its type and level. */
    SHORTFALL,
    /** An enterprise partner that qualifies for a higher level. */
    UPGRADE
}
