package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.ProcessVariables;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code tier-reevaluation}, each translating variables to one {@link Shortfalls} call. */
@Configuration
class TierDelegates {

    @Bean
    JavaDelegate changeLevel(Shortfalls shortfalls) {
        return execution -> shortfalls.upgrade(ProcessVariables.of(execution).partnerId());
    }

    @Bean
    JavaDelegate openShortfall(Shortfalls shortfalls) {
        return execution -> {
            LocalDate graceEndsOn = shortfalls.open(ProcessVariables.of(execution).partnerId());
            execution.setVariable(GraceFollowsItsTimer.GRACE_ENDS_ON, graceEndsOn.toString());
            // the timer fires at the start of the day after the last day of grace (program time)
            execution.setVariable(GraceFollowsItsTimer.GRACE_ENDS_AT, graceEndsOn.plusDays(1).atTime(LocalTime.MIDNIGHT)
                    .atZone(ProgramClock.PROGRAM_ZONE).toInstant().toString());
        };
    }

    @Bean
    JavaDelegate recheckHeadcount(Shortfalls shortfalls) {
        return execution -> execution.setVariable("restored",
                shortfalls.restored(ProcessVariables.of(execution).partnerId()));
    }

    @Bean
    JavaDelegate closeShortfall(Shortfalls shortfalls) {
        return execution -> shortfalls.close(ProcessVariables.of(execution).partnerId(), graceEndsOn(execution));
    }

    @Bean
    JavaDelegate concludeShortfall(Shortfalls shortfalls) {
        return execution -> shortfalls.conclude(ProcessVariables.of(execution).partnerId(), graceEndsOn(execution));
    }

    private static LocalDate graceEndsOn(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return LocalDate.parse(ProcessVariables.of(execution).text(GraceFollowsItsTimer.GRACE_ENDS_ON));
    }
}
