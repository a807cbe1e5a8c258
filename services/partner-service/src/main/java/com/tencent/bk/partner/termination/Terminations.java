package com.tencent.bk.partner.termination;

/** Asks for a partner's contract to be terminated. Runs in the caller's transaction. */
public interface Terminations {

    /** Why a termination was asked for. */
    enum Cause {
        SHORTFALL_NOT_REMEDIED, VIOLATION_REPORTED, FEE_FAILED, FEE_REFUNDED, AUDIT_FINDING, RAISED_BY_USER
    }

    /** Raised by the program itself (an event, a timer, an audit outcome). */
    default void request(String partnerId, Cause cause, String reason) {
        request(partnerId, cause, reason, null);
    }

    /**
     * @param raisedBy the user who raised it, who may then not confirm it; null when raised by the program
     * @return the outcome of the request: a case started, joined an open one, or kept for a company without
     *         a live partnership
     */
    RequestOutcome request(String partnerId, Cause cause, String reason, String raisedBy);

    enum RequestOutcome {
        CASE_STARTED, CASE_ALREADY_OPEN, NOT_ACTIVE
    }
}
