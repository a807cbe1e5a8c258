package com.tencent.bk.partner.events;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Remembers every consumed event by {@code (source, id)} in the transaction of its effects, so a second
 * delivery (after a crash before the offset commit, or a producer retry at another offset) has none.
 */
@Repository
class Inbox {

    private final JdbcTemplate jdbc;
    private final ProgramClock clock;

    Inbox(JdbcTemplate jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a batch in one statement, the same text whatever the batch's size (the server prepares it once; a
     * {@code values} list per size would be parsed and planned for every poll). Which events were new is read
     * from the rows the insert returns, not from JDBC update counts, which a driver may batch away
     * ({@code reWriteBatchedInserts}).
     *
     * @return for each event, whether it is seen for the first time (a repeat inside the batch is not)
     */
    boolean[] recordFirstDeliveries(String topic, List<CloudEvent> events) {
        String[] sources = new String[events.size()];
        String[] ids = new String[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            sources[i] = events.get(i).source();
            ids[i] = events.get(i).id();
            types[i] = events.get(i).type();
        }
        Set<List<String>> inserted = new HashSet<>(jdbc.query("""
                        insert into program.processed_event (source, event_id, topic, type, processed_at)
                        select e.source, e.event_id, ?, e.type, cast(? as timestamptz)
                        from unnest(?::text[], ?::text[], ?::text[]) with ordinality as e(source, event_id, type, position)
                        order by e.position
                        on conflict do nothing returning source, event_id
                        """,
                (rs, i) -> List.of(rs.getString(1), rs.getString(2)),
                topic, Timestamp.from(clock.now()), sources, ids, types));
        boolean[] first = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            // remove: a repeat of the same event later in the batch is not new
            first[i] = inserted.remove(List.of(events.get(i).source(), events.get(i).id()));
        }
        return first;
    }
}
