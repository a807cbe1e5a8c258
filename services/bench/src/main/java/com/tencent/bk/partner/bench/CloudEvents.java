package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** The inbound events of docs/contracts.md, as the training &amp; exam system and billing send them. */
final class CloudEvents {

    static final String CERTIFICATIONS = "bk.certification.events";
    static final String PAYMENTS = "bk.payment.events";
    static final String PARTNER_EVENTS = "bk.partner.events";
    static final String COMPLIANCE = "bk.compliance.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    /**
     * @param source the tag of everything built here: each event id starts with it and a slash, so a run's
     *               effects can be found by it; the envelope's {@code source} is the topic's trusted producer
     */
    CloudEvents(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** The producer each inbound topic trusts (docs/contracts.md); the service dead-letters events from any other. */
    static String trustedSource(String topic) {
        return switch (topic) {
            case CERTIFICATIONS -> "/bk/training-exam";
            case PAYMENTS -> "/bk/billing";
            case COMPLIANCE -> "/bk/compliance";
            default -> throw new IllegalArgumentException("not an inbound topic: " + topic);
        };
    }

    /** {@code level} only for AUTOMATION; no expiry, so only events change the headcount. */
    PlannedEvent granted(String partnerId, String certificateId, String engineerId, String track, String level) {
        ObjectNode data = JSON.createObjectNode().put("certificateId", certificateId).put("engineerId", engineerId)
                .put("partnerId", partnerId).put("track", track);
        if (level != null) {
            data.put("level", level);
        }
        data.put("issuedOn", "2026-01-15");
        return event(CERTIFICATIONS, partnerId, "bk.certification.granted", data);
    }

    PlannedEvent revoked(String partnerId, String certificateId) {
        return event(CERTIFICATIONS, partnerId, "bk.certification.revoked", JSON.createObjectNode()
                .put("certificateId", certificateId).put("partnerId", partnerId).put("reason", "benchmark revocation"));
    }

    PlannedEvent expired(String partnerId, String certificateId) {
        return event(CERTIFICATIONS, partnerId, "bk.certification.expired", JSON.createObjectNode()
                .put("certificateId", certificateId).put("partnerId", partnerId));
    }

    PlannedEvent transferred(String fromPartnerId, String toPartnerId, String certificateId) {
        return event(CERTIFICATIONS, fromPartnerId, "bk.certification.transferred", JSON.createObjectNode()
                .put("certificateId", certificateId).put("fromPartnerId", fromPartnerId).put("toPartnerId", toPartnerId));
    }

    PlannedEvent paymentReceived(String partnerId, String invoiceId, String amount, String currency) {
        return event(PAYMENTS, partnerId, "bk.payment.received", JSON.createObjectNode().put("invoiceId", invoiceId)
                .put("partnerId", partnerId).put("amount", amount).put("currency", currency)
                .put("paidAt", Instant.now().toString()));
    }

    PlannedEvent paymentFailed(String partnerId, String invoiceId) {
        return event(PAYMENTS, partnerId, "bk.payment.failed", JSON.createObjectNode().put("invoiceId", invoiceId)
                .put("partnerId", partnerId).put("reason", "benchmark: card declined"));
    }

    PlannedEvent violationReported(String partnerId, String caseId, String category, String description) {
        return event(COMPLIANCE, partnerId, "bk.compliance.violation-reported", JSON.createObjectNode()
                .put("caseId", caseId).put("partnerId", partnerId).put("category", category)
                .put("description", description));
    }

    private PlannedEvent event(String topic, String key, String type, ObjectNode data) {
        String id = source + "/" + UUID.randomUUID();
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", trustedSource(topic))
                .put("type", type)
                .put("time", Instant.now().toString())
                .put("subject", key)
                .put("datacontenttype", "application/json");
        envelope.set("data", data);
        return new PlannedEvent(topic, key, source, id, envelope.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
