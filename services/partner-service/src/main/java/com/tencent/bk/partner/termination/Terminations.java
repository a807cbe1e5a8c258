package com.tencent.bk.partner.termination;

/** Asks for a partner's contract to be terminated. Runs in the caller's transaction. */
public interface Terminations {

    /** Why a termination was asked for. */
    enum Cause {
        SHORTFALL_NOT_REMEDIED, VIOLATION_REPORTED, FEE_FAILED, FEE_REFUNDED, AUDIT_FINDING
    }

    void request(String partnerId, Cause cause, String reason);
}
