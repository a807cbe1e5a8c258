package com.tencent.bk.partner.tasklist;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA of each step, in program days (Asia/Shanghai): a task created on day D is due at the end of day
 * D + days. {@code slaDays} is keyed by task definition key; a key not listed gets {@code defaultSlaDays}.
 */
@ConfigurationProperties("partner.tasklist")
record TasklistProperties(Integer defaultSlaDays, Map<String, Integer> slaDays) {

    static final int DEFAULT_SLA_DAYS = 5;

    TasklistProperties {
        defaultSlaDays = defaultSlaDays == null ? DEFAULT_SLA_DAYS : defaultSlaDays;
        if (defaultSlaDays < 0) {
            throw new IllegalArgumentException("partner.tasklist.default-sla-days must be 0 or more");
        }
        Map<String, Integer> days = new HashMap<>();
        if (slaDays != null) {
            slaDays.forEach((task, value) -> {
                if (value == null || value < 0) {
                    throw new IllegalArgumentException("partner.tasklist.sla-days." + task + " must be 0 or more");
                }
                days.put(task, value);
            });
        }
        slaDays = Map.copyOf(days);
    }

    int slaDaysOf(String taskKey) {
        return slaDays.getOrDefault(taskKey, defaultSlaDays);
    }
}
