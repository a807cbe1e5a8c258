package com.tencent.bk.partner.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion that read its task just before another transaction ended the task's process (a shortfall that
 * closed by itself while a manager pressed "complete") finds the task gone: the engine's "not found" (404), not
 * a NullPointerException answered as 400. {@code HeadcountStormTest} met this under load (two shapes of it: the
 * process instance gone, or only its executions); here the other
 * transaction commits exactly between the two reads.
 */
class DecidedCompletionRaceTest extends ServiceIntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    DecisionLog decisions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void aTaskWhoseProcessEndsWhileItIsBeingCompletedIsGone() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "COMMUNITY", 2, 1);
        revoke(partnerId, certificates.get(0));
        String task = engine.awaitTask(TestUsers.MANAGER, partnerId, "follow-up-shortfall");
        String process = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
            context.getTaskManager().findTaskById(task); // the completion has read its task ...
            CompletableFuture.runAsync(() -> runtime.deleteProcessInstance(process, "ended meanwhile")).join();
            // ... and its process ended in a transaction of its own before the completion reads the process
            return new DecidedCompletion(decisions, id -> false, task,
                    Map.of("comment", "已电话联系 called the partner"), false, false).execute(context);
        })).isInstanceOf(NullValueException.class).hasMessageContaining("its process has moved on");
    }
}
