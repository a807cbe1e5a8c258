package com.tencent.bk.partner.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param sampleSize how many ACTIVE partners a quarterly audit draws (all of them when fewer) */
@ConfigurationProperties("partner.audit")
record AuditProperties(int sampleSize) {
}
