package com.tencent.bk.partner.bench;

/**
 * One record to send: a structured-mode CloudEvent, serialized before the measured run starts.
 *
 * @param source the tag of the measured run, which its event ids start with, so its effects can be found by it
 *               (the envelope carries the topic's trusted source)
 */
public record PlannedEvent(String topic, String key, String source, String eventId, byte[] value) {
}
