package com.tencent.bk.partner.tiering;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gracePeriod  time a partner below its minimums has to restore its headcount
 * @param rulesRefresh how soon a newly deployed version of the DMN tier rules is used
 * @param atRiskWindow how far ahead the daily forecast warns of a headcount falling below the minimum
 */
@ConfigurationProperties("partner.tiering")
public record TieringProperties(Period gracePeriod, Duration rulesRefresh, Period atRiskWindow) {
}
