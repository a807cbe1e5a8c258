package com.tencent.bk.partner.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the program: the engine's. Timers and the application's own dates (certificate
 * expiry, contract terms, due dates) move together when the engine clock is moved in a test.
 */
@Component
public class ProgramClock {

    /** Dates of the program (contract terms, due dates, expiry) are calendar days in China. */
    public static final String PROGRAM_ZONE_ID = "Asia/Shanghai";
    public static final ZoneId PROGRAM_ZONE = ZoneId.of(PROGRAM_ZONE_ID);

    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), PROGRAM_ZONE);
    }
}
