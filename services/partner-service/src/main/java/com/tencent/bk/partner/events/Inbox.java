package com.tencent.bk.partner.events;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Remembers every consumed event by {@code (source, id)} in the transaction of its effects, so a second
 * delivery (after a crash before the offset commit, or a producer retry at another offset) has none.
 */
@Repository
class Inbox {

    private static final String INSERT = """
            insert into program.processed_event (source, event_id, topic, type, processed_at)
            values (?, ?, ?, ?, ?)
            on conflict do nothing
            """;

    private final JdbcTemplate jdbc;
    private final ProgramClock clock;

    Inbox(JdbcTemplate jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true the first time this event is seen; false for a redelivery */
    boolean recordFirstDelivery(String topic, CloudEvent event) {
        return recordFirstDeliveries(topic, List.of(event))[0];
    }

    /**
     * Records a batch in one round trip.
     *
     * @return for each event, whether it is seen for the first time (a repeat inside the batch is not)
     */
    boolean[] recordFirstDeliveries(String topic, List<CloudEvent> events) {
        Timestamp now = Timestamp.from(clock.now());
        int[] inserted = jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setString(1, event.source());
            statement.setString(2, event.id());
            statement.setString(3, topic);
            statement.setString(4, event.type());
            statement.setTimestamp(5, now);
        })[0];
        boolean[] first = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            first[i] = inserted[i] == 1;
        }
        return first;
    }
}
