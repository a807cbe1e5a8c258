package com.tencent.bk.partner.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencent.bk.partner.bench.PlannedEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The inbound CloudEvents of docs/contracts.md as the training &amp; exam system, billing and compliance send them,
 * each from its topic's trusted source, dated on the program clock. Ids are numbered from the seed, so a replay
 * sends the same ids.
 */
final class InboundEvents {

    static final String CERTIFICATIONS = "bk.certification.events";
    static final String PAYMENTS = "bk.payment.events";
    static final String COMPLIANCE = "bk.compliance.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tag;
    private long sent;
    private Instant now = Instant.EPOCH;

    InboundEvents(long seed) {
        this.tag = "sim-" + seed;
    }

    void at(Instant programNow) {
        this.now = programNow;
    }

    long count() {
        return sent;
    }

    PlannedEvent granted(Population.Certificate certificate, LocalDate issuedOn) {
        ObjectNode data = JSON.createObjectNode().put("certificateId", certificate.id)
                .put("engineerId", certificate.engineerId).put("partnerId", certificate.holder)
                .put("track", certificate.track);
        if (certificate.level != null) {
            data.put("level", certificate.level);
        }
        data.put("issuedOn", issuedOn.toString());
        if (certificate.expiresOn != null) {
            data.put("expiresOn", certificate.expiresOn.toString());
        }
        return event(CERTIFICATIONS, "/bk/training-exam", certificate.holder, "bk.certification.granted", data);
    }

    PlannedEvent revoked(Population.Certificate certificate) {
        return event(CERTIFICATIONS, "/bk/training-exam", certificate.holder, "bk.certification.revoked",
                JSON.createObjectNode().put("certificateId", certificate.id).put("partnerId", certificate.holder)
                        .put("reason", "simulated revocation"));
    }

    PlannedEvent expired(Population.Certificate certificate) {
        return event(CERTIFICATIONS, "/bk/training-exam", certificate.holder, "bk.certification.expired",
                JSON.createObjectNode().put("certificateId", certificate.id).put("partnerId", certificate.holder));
    }

    /** The engineer changed employer: names the current holder, keyed by it. */
    PlannedEvent transferred(Population.Certificate certificate, String to) {
        return event(CERTIFICATIONS, "/bk/training-exam", certificate.holder, "bk.certification.transferred",
                JSON.createObjectNode().put("certificateId", certificate.id).put("fromPartnerId", certificate.holder)
                        .put("toPartnerId", to));
    }

    PlannedEvent paymentReceived(String partnerId, String invoiceId, BigDecimal amount, String currency) {
        return event(PAYMENTS, "/bk/billing", partnerId, "bk.payment.received", JSON.createObjectNode()
                .put("invoiceId", invoiceId).put("partnerId", partnerId).put("amount", amount.toPlainString())
                .put("currency", currency).put("paidAt", now.toString()));
    }

    PlannedEvent paymentFailed(String partnerId, String invoiceId) {
        return event(PAYMENTS, "/bk/billing", partnerId, "bk.payment.failed", JSON.createObjectNode()
                .put("invoiceId", invoiceId).put("partnerId", partnerId).put("reason", "simulated: card declined"));
    }

    PlannedEvent paymentRefunded(String partnerId, String invoiceId, BigDecimal amount) {
        return event(PAYMENTS, "/bk/billing", partnerId, "bk.payment.refunded", JSON.createObjectNode()
                .put("invoiceId", invoiceId).put("partnerId", partnerId).put("amount", amount.toPlainString())
                .put("reason", "simulated refund"));
    }

    PlannedEvent violationReported(String partnerId, String category) {
        return event(COMPLIANCE, "/bk/compliance", partnerId, "bk.compliance.violation-reported",
                JSON.createObjectNode().put("caseId", tag + "-case-" + (sent + 1)).put("partnerId", partnerId)
                        .put("category", category).put("description", "simulated violation"));
    }

    private PlannedEvent event(String topic, String source, String key, String type, ObjectNode data) {
        String id = tag + "-" + (++sent);
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", id).put("source", source).put("type", type)
                .put("time", now.toString()).put("subject", key).put("datacontenttype", "application/json");
        envelope.set("data", data);
        return new PlannedEvent(topic, key, tag, id, envelope.toString().getBytes(StandardCharsets.UTF_8));
    }
}
