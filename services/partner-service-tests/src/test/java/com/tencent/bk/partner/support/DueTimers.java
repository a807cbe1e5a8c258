package com.tencent.bk.partner.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Fires the timers of a process that are due on the engine's (moved) clock. The job executor polls for due jobs
 * too and may take one first: then this execution loses with an optimistic-locking conflict, or finds the job
 * gone, and the timer has fired all the same — its transaction committed before ours failed.
 */
public final class DueTimers {

    private DueTimers() {
    }

    public static void fire(ManagementService management, String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
            try {
                management.executeJob(job.getId());
            } catch (OptimisticLockingException | NullValueException executedByTheJobExecutor) {
                // fired by the job executor at the same moment
            }
        }
    }
}
