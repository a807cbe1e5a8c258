package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The payment listener applies a whole poll in one transaction, the processes of different partners in one engine
 * command. Records are sent while its consumers are stopped, so they arrive together: two applicants' fees, a record
 * billing got wrong in the middle, the first applicant's fee paid a second time (its second event in the poll, after
 * the first moved its process) and the first payment delivered again. Each fee reaches its own process, the second
 * payment goes to finance as unexpected, the wrong record alone goes unchanged to the dead-letter topic, and the
 * poll delivered again has no second effect.
 */
class PaymentPollTest extends ServiceIntegrationTest {

    private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");
    private static final String BILLING = "/bk/billing";


    @Test
    void aPollOfSeveralApplicantsFeesMovesEachProcessOnceAndABadRecordGoesAlone() {
        String first = Companies.newPartnerId();
        String second = Companies.newPartnerId();
        JsonNode firstInvoice = enterpriseApplicantAwaitingFee(first);
        JsonNode secondInvoice = enterpriseApplicantAwaitingFee(second);

        List<String> goodIds = new ArrayList<>();
        byte[] firstFee = event(goodIds, "bk.payment.received", paid(first, firstInvoice));
        byte[] wrong = event(new ArrayList<>(), "bk.payment.received", Map.of("invoiceId",
                secondInvoice.path("invoiceId").asText(), "partnerId", second, "currency", "CNY",
                "paidAt", "2026-11-24T08:00:00Z"));
        byte[] secondFee = event(goodIds, "bk.payment.received", paid(second, secondInvoice));
        byte[] firstFeeAgain = event(goodIds, "bk.payment.received", paid(first, firstInvoice));

        RecordMetadata wrongAt = whileStopped("payment-events", () -> {
            send(first, firstFee);
            RecordMetadata at = send(second, wrong);
            send(second, secondFee);
            send(first, firstFeeAgain);
            send(first, firstFee);
            return at;
        });

        awaitApplied(goodIds);
        engine.awaitTask(TestUsers.MANAGER, first, "sign-contract");
        engine.awaitTask(TestUsers.MANAGER, second, "sign-contract");
        engine.awaitTask(TestUsers.FINANCE, first, "resolve-payment");
        ConsumerRecord<byte[], byte[]> dead = kafka.awaitRecord(PAYMENTS + ".DLT",
                record -> Arrays.equals(record.value(), wrong));
        ReadableDeadLetters.assertReadableWithoutStackTrace(dead, wrongAt, bytes(second), wrong);
        assertThat(KafkaTestClient.header(dead, "bk-dlt-reason")).contains("amount");
        assertThat(outcomes(first)).containsExactly("APPLIED", "UNEXPECTED_PAYMENT");
        assertThat(outcomes(second)).containsExactly("APPLIED");
        assertThat(partner(first).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(partner(second).path("status").asText()).isEqualTo("AWAITING_SIGNATURE");

        // the same poll again, as after a crash before the offset commit: the inbox knows every record
        List<String> markers = new ArrayList<>();
        whileStopped("payment-events", () -> {
            send(first, firstFee);
            send(second, secondFee);
            send(first, firstFeeAgain);
            // behind them on their partitions: a failed payment of each (paid, not overdue) is only recorded
            send(first, event(markers, "bk.payment.failed", failed(first, firstInvoice)));
            send(second, event(markers, "bk.payment.failed", failed(second, secondInvoice)));
            return null;
        });
        awaitApplied(markers);
        assertThat(outcomes(first)).containsExactly("APPLIED", "UNEXPECTED_PAYMENT", "RECORDED");
        assertThat(outcomes(second)).containsExactly("APPLIED", "RECORDED");
        assertThat(jdbcClient.sql("select count(*) from program.processed_event where event_id = any(?)")
                .param(goodIds.toArray(String[]::new)).query(Long.class).single())
                .as("one inbox row per event").isEqualTo(goodIds.size());
        assertThat(taskKeys(TestUsers.FINANCE, first)).as("one case, for the second payment")
                .containsExactly("resolve-payment");
        assertThat(taskKeys(TestUsers.MANAGER, first)).containsExactly("sign-contract");
        assertThat(taskKeys(TestUsers.MANAGER, second)).containsExactly("sign-contract");
    }

    private static Map<String, Object> paid(String partnerId, JsonNode invoice) {
        return Map.of("invoiceId", invoice.path("invoiceId").asText(), "partnerId", partnerId,
                "amount", invoice.path("amount").asText(), "currency", invoice.path("currency").asText(),
                "paidAt", "2026-11-24T08:00:00Z");
    }

    private static Map<String, Object> failed(String partnerId, JsonNode invoice) {
        return Map.of("invoiceId", invoice.path("invoiceId").asText(), "partnerId", partnerId,
                "reason", "marker: card declined");
    }

    private List<String> taskKeys(String user, String partnerId) {
        List<String> keys = new ArrayList<>();
        engine.tasks(user, partnerId).forEach(task -> keys.add(task.path("taskDefinitionKey").asText()));
        return keys;
    }

    private List<String> outcomes(String partnerId) {
        return jdbcClient.sql("select outcome from program.payment where partner_id = ? order by payment_id")
                .param(partnerId).query(String.class).list();
    }

    private RecordMetadata send(String key, byte[] value) {
        return kafka.publishRaw(PAYMENTS, bytes(key), value, STRUCTURED);
    }

    private static byte[] event(List<String> ids, String type, Map<String, ?> data) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return KafkaTestClient.envelope(id, BILLING, type, data).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
