package com.tencent.bk.partner.renewal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param leadTime how long before a contract ends its renewal check starts */
@ConfigurationProperties("partner.renewal")
record RenewalProperties(Period leadTime) {
}
