package com.tencent.bk.partner.events;

/** Kafka topics of docs/contracts.md. A record that cannot be understood goes to {@code <topic>.DLT}. */
public final class Topics {

    public static final String CERTIFICATIONS = "bk.certification.events";
    public static final String PAYMENTS = "bk.payment.events";
    public static final String COMPLIANCE = "bk.compliance.events";
    public static final String PARTNER_EVENTS = "bk.partner.events";
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DLT_SUFFIX;
    }
}
