package com.tencent.bk.partner.termination;

/** Published in-process, inside the transaction, when a manager declined to terminate a partnership. */
public record TerminationDeclined(String partnerId) {
}
