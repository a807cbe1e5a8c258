package com.tencent.bk.partner.billing;

import java.math.BigDecimal;

public record Fee(BigDecimal amount, String currency) {
}
