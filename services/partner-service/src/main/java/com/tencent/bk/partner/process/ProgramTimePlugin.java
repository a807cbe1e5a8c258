package com.tencent.bk.partner.process;

import com.tencent.bk.partner.common.ProgramClock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Cron cycles of the models ({@code timeCycle}, e.g. the quarterly audit's {@code 0 0 9 1 1,4,7,10 ?}) are read
 * in program time, Asia/Shanghai, whatever the JVM's default zone: the engine's own cycle calendar reads them in
 * {@code ZoneId.systemDefault()}, which is UTC in the container, 17:00 in Beijing. ISO 8601 repeating intervals
 * ({@code R/…}) and the other calendars stay the engine's; the models give their dates as instants.
 */
@Component
class ProgramTimePlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new ProgramCycleCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }

    /** The engine's cycle calendar with cron expressions evaluated in {@link ProgramClock#PROGRAM_ZONE}. */
    static final class ProgramCycleCalendar extends CycleBusinessCalendar {

        @Override
        public Date resolveDuedate(String description, Date startDate, long repeatOffset) {
            if (description.startsWith("R")) {
                return super.resolveDuedate(description, startDate, repeatOffset);
            }
            return nextAfter(description, startDate == null ? ClockUtil.getCurrentTime() : startDate);
        }

        static Date nextAfter(String cron, Date after) {
            try {
                ZonedDateTime next = CronExpression.parse(cron)
                        .next(ZonedDateTime.ofInstant(after.toInstant(), ProgramClock.PROGRAM_ZONE));
                return next == null ? after : Date.from(next.toInstant());
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException("Cron expression '" + cron + "' is not valid: " + e.getMessage(), e);
            }
        }
    }
}
