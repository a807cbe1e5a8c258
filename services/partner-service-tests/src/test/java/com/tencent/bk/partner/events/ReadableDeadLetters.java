package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.KafkaTestClient;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * What a person reading a dead-letter topic with {@code scripts/kafka-read <topic>.DLT --headers}
 * relies on. Header names are spelled out here, as an operator would type them, not taken from the code.
 */
final class ReadableDeadLetters {

    private ReadableDeadLetters() {
    }

    /**
     * A record that could not be understood: on its partition of {@code <topic>.DLT}, key and value unchanged,
     * the reason and where it came from as text, and nothing a person cannot read (no stack trace, none of
     * Spring's binary {@code kafka_dlt-*} headers).
     */
    static void assertReadableWithoutStackTrace(ConsumerRecord<byte[], byte[]> dead, RecordMetadata producedAt,
                                                byte[] key, byte[] value) {
        String what = "dead letter of " + producedAt;
        assertThat(dead.topic()).as(what).isEqualTo(producedAt.topic() + ".DLT");
        assertThat(dead.partition()).as(what + ": same partition").isEqualTo(producedAt.partition());
        assertThat(Arrays.equals(dead.key(), key)).as(what + ": key unchanged").isTrue();
        assertThat(Arrays.equals(dead.value(), value)).as(what + ": value unchanged").isTrue();
        assertThat(dead.headers()).as(what + ": no Spring dead-letter header (stack trace, binary offsets)")
                .noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).as(what + ": reason").isNotBlank();
        assertOrigin(dead, producedAt);
        for (Header header : dead.headers()) {
            assertThat(isPrintableText(header.value())).as(what + ": header " + header.key() + " is text").isTrue();
        }
    }

    /** Where the record was produced, each as text. */
    static void assertOrigin(ConsumerRecord<byte[], byte[]> dead, RecordMetadata producedAt) {
        assertThat(KafkaTestClient.header(dead, "bk-dlt-original-topic")).isEqualTo(producedAt.topic());
        assertThat(KafkaTestClient.header(dead, "bk-dlt-original-partition"))
                .isEqualTo(String.valueOf(producedAt.partition()));
        assertThat(KafkaTestClient.header(dead, "bk-dlt-original-offset"))
                .isEqualTo(String.valueOf(producedAt.offset()));
    }

    /** UTF-8 without control characters: what a console prints as it is. */
    static boolean isPrintableText(byte[] value) {
        if (value == null) {
            return true;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return text.chars().noneMatch(Character::isISOControl);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
