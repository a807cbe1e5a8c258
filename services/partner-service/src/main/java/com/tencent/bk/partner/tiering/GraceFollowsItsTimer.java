package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.deadlines.DeadlineMoved;
import com.tencent.bk.partner.process.Variables;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A manager who moves a shortfall's grace timer moves its last day of grace too, which the shortfall's closing
 * event carries and Tasklist lists: the grace ends on the program day before the timer's instant (the timer fires
 * at the start of the day after the last day of grace).
 */
@Component
class GraceFollowsItsTimer {

    static final String GRACE_ENDS_AT = "graceEndsAt";
    static final String GRACE_ENDS_ON = Variables.GRACE_ENDS_ON;

    private final RuntimeService runtime;

    GraceFollowsItsTimer(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void follow(DeadlineMoved moved) {
        if (GRACE_ENDS_AT.equals(moved.variable())) {
            LocalDate lastDay = LocalDate.ofInstant(moved.dueAt().minusNanos(1), ProgramClock.PROGRAM_ZONE);
            runtime.setVariable(moved.processInstanceId(), GRACE_ENDS_ON, lastDay.toString());
        }
    }
}
