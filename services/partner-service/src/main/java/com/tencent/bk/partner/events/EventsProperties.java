package com.tencent.bk.partner.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source            the CloudEvents {@code source} of every outbound event
 * @param partitions        partitions of the topics this service declares (and of their dead-letter topics)
 * @param replicationFactor replication of the declared topics
 */
@ConfigurationProperties("partner.events")
public record EventsProperties(String source, int partitions, short replicationFactor) {
}
