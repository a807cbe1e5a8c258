package com.tencent.bk.partner.support;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
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
        List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).list();
        for (Job job : due) {
            try {
                management.executeJob(job.getId());
            } catch (OptimisticLockingException | NullValueException executedByTheJobExecutor) {
                // fired by the job executor at the same moment
            } catch (ProcessEngineException failed) {
                // "ENGINE-14026 No job found": the executor fired and deleted it between our query and execution
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    throw failed;
                }
            }
        }
        // a timer the executor took is fired once its transaction commits, and only then gone
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> due.stream()
                .allMatch(job -> management.createJobQuery().jobId(job.getId()).count() == 0));
    }
}
