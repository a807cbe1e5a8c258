package com.tencent.bk.partner.registry;

import java.time.LocalDate;

public record Contract(String contractId, String partnerId, LocalDate startsOn, LocalDate endsOn) {
}
