package com.tencent.bk.partner.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope as read from a Kafka record (structured or binary mode).
 *
 * @param data the event's payload; always a JSON object
 */
public record CloudEvent(String id, String source, String type, OffsetDateTime time, String subject, JsonNode data) {
}
