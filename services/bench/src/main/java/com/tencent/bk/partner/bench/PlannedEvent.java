package com.tencent.bk.partner.bench;

/**
 * One record to send: a structured-mode CloudEvent, serialized before the measured run starts.
 *
 * @param source the CloudEvent source; each measured run has its own, so its effects can be found by it
 */
record PlannedEvent(String topic, String key, String source, String eventId, byte[] value) {
}
