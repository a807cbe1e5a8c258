package com.tencent.bk.partner.bench;

import java.util.List;

/**
 * One measured run of records.
 *
 * @param source     the CloudEvent source whose effects are measured (other records, e.g. re-sent history, only
 *                   have to be consumed)
 * @param perSecond  open-loop send rate; 0 sends everything at once
 */
record Phase(String name, List<PlannedEvent> events, String source, double perSecond) {

    static Phase burst(String name, EventBatch batch) {
        return new Phase(name, batch.events(), batch.source(), 0);
    }

    static Phase paced(String name, EventBatch batch, double perSecond) {
        return new Phase(name, batch.events(), batch.source(), perSecond);
    }

    /** Distinct events of the measured source: what must each have exactly one effect. */
    long expectedEffects() {
        return events.stream().filter(event -> event.source().equals(source)).map(PlannedEvent::eventId)
                .distinct().count();
    }

    List<String> topics() {
        return events.stream().map(PlannedEvent::topic).distinct().toList();
    }
}
