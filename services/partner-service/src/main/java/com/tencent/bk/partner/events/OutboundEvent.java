package com.tencent.bk.partner.events;

/**
 * The data of an event on {@code bk.partner.events}. Implemented by immutable records named in the past
 * tense; their components become the CloudEvent's {@code data}, which always carries the partnerId.
 */
public interface OutboundEvent {

    /** The CloudEvents type, e.g. {@code bk.partner.approved}. */
    String eventType();

    String partnerId();
}
