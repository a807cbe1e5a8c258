package com.tencent.bk.partner.courses;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param replacementPeriod how long a suspended course waits for certified replacement instructors, in program
 *                          days: it is withdrawn at the start of the day after the last one (Asia/Shanghai)
 */
@ConfigurationProperties("partner.courses")
record CourseProperties(Period replacementPeriod) {

    CourseProperties {
        replacementPeriod = replacementPeriod == null ? Period.ofDays(30) : replacementPeriod;
    }
}
