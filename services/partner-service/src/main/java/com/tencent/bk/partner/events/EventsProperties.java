package com.tencent.bk.partner.events;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source            the CloudEvents {@code source} of every outbound event
 * @param partitions        partitions of the topics this service declares (and of their dead-letter topics)
 * @param replicationFactor replication of the declared topics
 * @param trustedSources    per inbound topic, the CloudEvents {@code source}s whose events it accepts (in YAML the
 *                          topic in brackets, since it contains dots: {@code "[bk.payment.events]": [/bk/billing]})
 */
@ConfigurationProperties("partner.events")
public record EventsProperties(String source, int partitions, short replicationFactor,
                               Map<String, List<String>> trustedSources) {

    public EventsProperties {
        trustedSources = trustedSources == null ? Map.of() : Map.copyOf(trustedSources);
    }
}
