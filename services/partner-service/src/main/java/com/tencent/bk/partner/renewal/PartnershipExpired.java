package com.tencent.bk.partner.renewal;

import java.time.LocalDate;

/** Published in-process, inside the transaction, when a contract ran out unrenewed and the partnership ended. */
public record PartnershipExpired(String partnerId, LocalDate endedOn) {
}
