package com.tencent.bk.partner.events;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Each inbound topic accepts events only from its producer's CloudEvents {@code source} (docs/contracts.md). Checked
 * before anything else is read from the event and before the inbox, so an event id sent again under another source
 * is refused rather than taken for a new event. This is a check of what the producer claims; who may produce to a
 * topic at all is for the broker's ACLs.
 */
@Component
class TrustedSources {

    private final Map<String, List<String>> trusted;

    TrustedSources(EventsProperties properties) {
        this.trusted = properties.trustedSources();
        for (String topic : DeadLetterReplay.REPLAYABLE) {
            if (trusted.getOrDefault(topic, List.of()).isEmpty()) {
                throw new IllegalStateException("partner.events.trusted-sources.[" + topic + "] names no source:"
                        + " every event of the topic would be dead-lettered");
            }
        }
    }

    /** @throws InvalidEventException when the topic does not trust the event's source */
    void require(String topic, CloudEvent event) {
        List<String> sources = trusted.getOrDefault(topic, List.of());
        if (!sources.contains(event.source())) {
            throw new InvalidEventException("untrusted source " + event.source() + " for topic " + topic
                    + "; trusted: " + String.join(", ", sources));
        }
    }
}
