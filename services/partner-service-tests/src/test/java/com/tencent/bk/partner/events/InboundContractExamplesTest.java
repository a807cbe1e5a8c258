package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EventContracts;
import com.tencent.bk.partner.support.EventContracts.Contract;
import com.tencent.bk.partner.support.KafkaTestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schemas and the service agree: the example of every inbound event type, as an upstream team would copy it
 * from {@code contracts/schemas/}, is applied (structured and binary mode), and one that breaks its schema is
 * dead-lettered with the violated rule named.
 */
class InboundContractExamplesTest extends ServiceIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE_PARTNER = "91350100M000100Y43";

    @Test
    void theExampleOfEveryInboundTypeIsApplied() {
        int checked = 0;
        for (Map.Entry<String, Contract> entry : EventContracts.all().entrySet()) {
            if (!entry.getKey().contains("/")) {
                continue; // the envelope
            }
            String topic = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            if (!topic.equals(CERTIFICATIONS) && !topic.equals(PAYMENTS) && !topic.equals("bk.compliance.events")) {
                continue;
            }
            String type = entry.getKey().substring(topic.length() + 1, entry.getKey().length() - ".json".length());
            for (boolean binary : new boolean[]{false, true}) {
                Map<String, Object> data = example(entry.getValue(), Companies.newPartnerId());
                String key = (String) data.getOrDefault("partnerId", data.get("fromPartnerId"));
                awaitApplied(topic, key, binary ? kafka.publishBinary(topic, key, type, data)
                        : kafka.publish(topic, key, type, data));
            }
            checked++;
        }
        assertThat(checked).as("inbound event types").isEqualTo(8);
    }

    @Test
    void anEventBreakingItsSchemaIsDeadLetteredNamingFieldAndRule() {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> data = example(EventContracts.of(PAYMENTS, "bk.payment.received"), partnerId);
        data.put("currency", "RMB Yuan");
        data.remove("paidAt");
        String id = kafka.publish(PAYMENTS, partnerId, "bk.payment.received", data);
        String reason = KafkaTestClient.header(kafka.awaitRecord(PAYMENTS + ".DLT",
                record -> id.equals(KafkaTestClient.json(record.value()).path("id").asText())), "bk-dlt-reason");
        assertThat(reason.split("; ")).containsExactlyInAnyOrder(
                "data.currency must be an ISO 4217 code such as CNY, was \"RMB Yuan\" (pattern)",
                "data.paidAt is missing (required)");
    }

    /** The schema's first example, made this test's own: fresh companies, certificate, invoice and case ids. */
    private static Map<String, Object> example(Contract contract, String partnerId) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String text = contract.document().path("examples").get(0).toString()
                .replace(EXAMPLE_PARTNER, partnerId)
                .replaceAll("\"(certificateId|engineerId|invoiceId|caseId)\":\"([^\"]*)\"", "\"$1\":\"$2-" + unique + "\"");
        JsonNode example = KafkaTestClient.json(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (example.has("toPartnerId")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("toPartnerId", Companies.newPartnerId());
        }
        return new LinkedHashMap<>(JSON.convertValue(example, new TypeReference<Map<String, Object>>() { }));
    }

    private void awaitApplied(String topic, String key, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) || deadLettered(topic, key, eventId));
        assertThat(deadLettered(topic, key, eventId) ? KafkaTestClient.header(kafka.readAll(topic + ".DLT").stream()
                .filter(record -> eventId.equals(KafkaTestClient.json(record.value()).path("id").asText())
                        || eventId.equals(KafkaTestClient.header(record, "ce_id")))
                .findFirst().orElseThrow(), "bk-dlt-reason") : null).as(topic + " " + eventId + " dead-lettered").isNull();
    }

    private boolean applied(String eventId) {
        return jdbcClient.sql("select count(*) from program.processed_event where event_id = ?").param(eventId)
                .query(Long.class).single() == 1;
    }

    private boolean deadLettered(String topic, String key, String eventId) {
        return kafka.readAll(topic + ".DLT").stream().anyMatch(record -> key.equals(KafkaTestClient.text(record.key()))
                && (eventId.equals(KafkaTestClient.json(record.value()).path("id").asText())
                || eventId.equals(KafkaTestClient.header(record, "ce_id"))));
    }
}
