package com.tencent.bk.partner.registry;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param term length of a contract, at activation and at each renewal */
@ConfigurationProperties("partner.contract")
public record ContractProperties(Period term) {
}
