package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records termination requests for the program office. The {@code contract-termination} process (confirmation
 * by a manager, ending the partnership) is built on these requests.
 */
@Component
class RecordedTerminationRequests implements Terminations {

    private static final Logger log = LoggerFactory.getLogger(RecordedTerminationRequests.class);

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    RecordedTerminationRequests(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void request(String partnerId, Cause cause, String reason) {
        jdbc.sql("""
                        insert into program.termination_request (partner_id, cause, reason, requested_at)
                        values (?, ?, ?, ?)
                        """)
                .params(partnerId, cause.name(), reason, Timestamp.from(clock.now()))
                .update();
        log.warn("Termination requested for partner {}: {} ({})", partnerId, cause, reason);
    }
}
