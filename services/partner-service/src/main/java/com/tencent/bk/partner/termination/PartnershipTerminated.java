package com.tencent.bk.partner.termination;

/** Published in-process, inside the transaction, when a termination case ended a partnership. */
public record PartnershipTerminated(String partnerId, String reason) {
}
