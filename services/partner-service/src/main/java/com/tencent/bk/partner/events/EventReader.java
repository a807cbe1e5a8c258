package com.tencent.bk.partner.events;

/** Turns a CloudEvent of a topic into a typed event, or says why it cannot. */
@FunctionalInterface
public interface EventReader<T extends InboundEvent> {

    /** @throws InvalidEventException naming every missing or invalid field, or an unknown type */
    T read(CloudEvent event);
}
