package com.tencent.bk.partner.registry;

import java.util.Set;

public enum PartnerStatus {
    APPLIED, UNDER_REVIEW, AWAITING_PAYMENT, AWAITING_SIGNATURE, ACTIVE, REJECTED, TERMINATED, EXPIRED;

    /** While in one of these a company cannot apply again. */
    public static final Set<PartnerStatus> BLOCKS_NEW_APPLICATION =
            Set.of(APPLIED, UNDER_REVIEW, AWAITING_PAYMENT, AWAITING_SIGNATURE, ACTIVE);

    /** In one of these the partner's newest contract is its own; while applying again it is a past one. */
    public static final Set<PartnerStatus> HAS_CURRENT_CONTRACT = Set.of(ACTIVE, TERMINATED, EXPIRED);
}
