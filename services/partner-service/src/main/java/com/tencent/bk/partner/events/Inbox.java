package com.tencent.bk.partner.events;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers every consumed event by {@code (source, id)} in the transaction of its effects, so a second
 * delivery (after a crash before the offset commit, or a producer retry at another offset) has none.
 */
@Repository
class Inbox {

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    Inbox(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true the first time this event is seen; false for a redelivery */
    boolean recordFirstDelivery(String topic, CloudEvent event) {
        return jdbc.sql("""
                        insert into program.processed_event (source, event_id, topic, type, processed_at)
                        values (?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(event.source(), event.id(), topic, event.type(), Timestamp.from(clock.now()))
                .update() == 1;
    }
}
