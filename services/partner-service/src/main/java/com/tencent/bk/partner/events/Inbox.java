package com.tencent.bk.partner.events;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.util.ArrayList;
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
     * Records a batch in one statement. Which events were new is read from the rows the insert returns, not
     * from JDBC update counts, which a driver may batch away ({@code reWriteBatchedInserts}).
     *
     * @return for each event, whether it is seen for the first time (a repeat inside the batch is not)
     */
    boolean[] recordFirstDeliveries(String topic, List<CloudEvent> events) {
        Timestamp now = Timestamp.from(clock.now());
        StringBuilder sql = new StringBuilder(
                "insert into program.processed_event (source, event_id, topic, type, processed_at) values ");
        List<Object> parameters = new ArrayList<>(events.size() * 5);
        for (CloudEvent event : events) {
            sql.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            parameters.addAll(List.of(event.source(), event.id(), topic, event.type(), now));
        }
        sql.append(" on conflict do nothing returning source, event_id");
        Set<List<String>> inserted = new HashSet<>(jdbc.query(sql.toString(),
                (rs, i) -> List.of(rs.getString(1), rs.getString(2)), parameters.toArray()));
        boolean[] first = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            // remove: a repeat of the same event later in the batch is not new
            first[i] = inserted.remove(List.of(events.get(i).source(), events.get(i).id()));
        }
        return first;
    }
}
