package com.tencent.bk.partner.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers the service puts on every dead letter, all UTF-8 text so that {@code scripts/kafka-read} prints
 * them as they are: why, and where the record was read. A record that could not be understood carries only
 * these; a processing failure carries Spring's {@code kafka_dlt-*} headers (stack trace included) as well.
 */
final class DeadLetterHeaders {

    static final String PREFIX = "bk-dlt-";
    static final String REASON = PREFIX + "reason";
    static final String ORIGINAL_TOPIC = PREFIX + "original-topic";
    static final String ORIGINAL_PARTITION = PREFIX + "original-partition";
    static final String ORIGINAL_OFFSET = PREFIX + "original-offset";
    private static final String SPRING_PREFIX = "kafka_dlt-";

    private DeadLetterHeaders() {
    }

    static Headers of(ConsumerRecord<?, ?> record, String reason) {
        Headers headers = new RecordHeaders();
        headers.add(REASON, text(reason));
        headers.add(ORIGINAL_TOPIC, text(record.topic()));
        headers.add(ORIGINAL_PARTITION, text(String.valueOf(record.partition())));
        headers.add(ORIGINAL_OFFSET, text(String.valueOf(record.offset())));
        return headers;
    }

    /** Added by dead-lettering, ours or Spring's: not part of the record as its producer sent it. */
    static boolean isDeadLetterHeader(String name) {
        return name.startsWith(PREFIX) || name.startsWith(SPRING_PREFIX);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
