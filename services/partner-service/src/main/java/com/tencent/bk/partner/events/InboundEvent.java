package com.tencent.bk.partner.events;

/** A typed inbound event, read from a valid CloudEvent. */
public interface InboundEvent {

    /** The partnerId the record must be keyed by (docs/contracts.md: key = partnerId). */
    String recordKey();
}
