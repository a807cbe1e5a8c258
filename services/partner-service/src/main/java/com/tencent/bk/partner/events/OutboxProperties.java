package com.tencent.bk.partner.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often the publisher looks for rows it was not woken up for (after a restart)
 * @param batchSize    rows sent per round
 */
@ConfigurationProperties("partner.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize) {
}
