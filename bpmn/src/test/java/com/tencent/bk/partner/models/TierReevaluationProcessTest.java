package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {ProcessTestSupport.TIER_REEVALUATION_BPMN, ProcessTestSupport.FOLLOW_UP_SHORTFALL_FORM})
class TierReevaluationProcessTest extends ProcessTestSupport {

    private static final String PARTNER_ID = "91350100M000100Y43";
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant GRACE_ENDS_AT = START.plus(FakeDelegates.GRACE_PERIOD);

    @Test
    void upgradeChangesTheLevelAtOnce() {
        ProcessInstance instance = evaluationChanged("UPGRADE");

        assertThat(instance).isEnded().hasPassed("change-level", "level-changed")
                .hasNotPassed("open-shortfall", "follow-up-shortfall");
        assertThat(fakes.calls()).containsExactly("changeLevel");
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count())
                .isZero();
    }

    @Test
    void restoredHeadcountClosesTheShortfallAndEndsTheOpenFollowUp() {
        ProcessInstance instance = shortfallOpened();
        Task followUp = followUpTask(instance);
        fakes.recheckFinds(true);

        headcountChanged();

        assertThat(instance).isEnded()
                .hasPassed("headcount-changed", "recheck-headcount", "close-shortfall", "shortfall-closed")
                .hasNotPassed("follow-up-recorded", "conclude-shortfall");
        assertThat(fakes.calls()).containsExactly("openShortfall", "recheckHeadcount", "closeShortfall");
        assertFollowUpCancelled(followUp);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void headcountStillShortKeepsWaitingUntilItIsRestored() {
        ProcessInstance instance = shortfallOpened();
        Task followUp = followUpTask(instance);
        fakes.recheckFinds(false, true);

        headcountChanged();

        assertThat(instance).isNotEnded().hasPassed("recheck-headcount").hasNotPassed("close-shortfall")
                .isWaitingAt("follow-up-shortfall", "await-headcount-or-grace-end");
        assertThat(instance).variables().containsEntry("restored", false);
        assertAwaitingHeadcountOrGraceEnd(instance);
        Task stillOpen = task("follow-up-shortfall", instance);
        assertThat(stillOpen.getId()).isEqualTo(followUp.getId());
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(fakes.calls()).containsExactly("openShortfall", "recheckHeadcount");

        headcountChanged();

        assertThat(instance).isEnded().hasPassed("close-shortfall", "shortfall-closed")
                .hasNotPassed("conclude-shortfall");
        assertThat(fakes.calls()).containsExactly("openShortfall", "recheckHeadcount", "recheckHeadcount",
                "closeShortfall");
        assertFollowUpCancelled(followUp);
    }

    @Test
    void followUpRecordedThenGracePeriodEndsConcludesTheShortfall() {
        ProcessInstance instance = shortfallOpened();
        complete(followUpTask(instance), withVariables("comment", "called the partner's contact, training booked"));

        assertThat(instance).isNotEnded().hasPassed("follow-up-recorded")
                .isWaitingAt("await-headcount-or-grace-end");
        assertAwaitingHeadcountOrGraceEnd(instance);

        graceTimerFires();

        assertThat(instance).isEnded()
                .hasPassed("grace-period-ended", "conclude-shortfall", "shortfall-concluded")
                .hasNotPassed("headcount-changed", "close-shortfall");
        assertThat(fakes.calls()).containsExactly("openShortfall", "concludeShortfall");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("comment").singleResult().getValue())
                .isEqualTo("called the partner's contact, training booked");
    }

    @Test
    void gracePeriodEndingWhileTheFollowUpIsOpenEndsItToo() {
        ProcessInstance instance = shortfallOpened();
        Task followUp = followUpTask(instance);

        graceTimerFires();

        assertThat(instance).isEnded().hasPassed("conclude-shortfall", "shortfall-concluded")
                .hasNotPassed("follow-up-recorded");
        assertThat(fakes.calls()).containsExactly("openShortfall", "concludeShortfall");
        assertFollowUpCancelled(followUp);
    }

    /**
     * Started as the service starts it: without variables, once the registry holds the decision; the gateway and
     * the steps find the partner by business key.
     */
    private ProcessInstance evaluationChanged(String outcome) {
        ClockUtil.setCurrentTime(Date.from(START));
        fakes.decided(outcome);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("tier-reevaluation", PARTNER_ID);
        assertThat(instance).isStarted();
        assertThat(instance.getBusinessKey()).isEqualTo(PARTNER_ID);
        return instance;
    }

    /** A TRIAL partner dropped below its minimum with no lower level to fall back to. */
    private ProcessInstance shortfallOpened() {
        ProcessInstance instance = evaluationChanged("SHORTFALL");
        assertThat(instance).hasPassed("open-shortfall").hasNotPassed("change-level")
                .isWaitingAt("follow-up-shortfall", "await-headcount-or-grace-end");
        assertThat(instance).variables()
                .containsEntry("graceEndsAt", GRACE_ENDS_AT.toString())
                .containsEntry("graceEndsOn", "2027-02-23");
        assertAwaitingHeadcountOrGraceEnd(instance);
        assertThat(fakes.calls()).containsExactly("openShortfall");
        return instance;
    }

    private static Task followUpTask(ProcessInstance instance) {
        Task task = task("follow-up-shortfall", instance);
        assertThat(task).hasCandidateGroup("partner-managers").isNotAssigned();
        assertFormRef(task, "follow-up-shortfall");
        return task;
    }

    /** One message subscription for HeadcountChanged and the grace timer, due at graceEndsAt and not before. */
    private static void assertAwaitingHeadcountOrGraceEnd(ProcessInstance instance) {
        List<EventSubscription> subscriptions = runtimeService().createEventSubscriptionQuery()
                .processInstanceId(instance.getId()).list();
        assertThat(subscriptions).singleElement().satisfies(subscription -> {
            assertThat(subscription.getEventType()).isEqualTo("message");
            assertThat(subscription.getEventName()).isEqualTo("HeadcountChanged");
            assertThat(subscription.getActivityId()).isEqualTo("headcount-changed");
        });
        List<Job> timers = managementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
        assertThat(timers).singleElement().extracting(job -> job.getDuedate().toInstant()).isEqualTo(GRACE_ENDS_AT);
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();
    }

    /** The service correlates by business key = partnerId. */
    private static void headcountChanged() {
        runtimeService().createMessageCorrelation("HeadcountChanged")
                .processInstanceBusinessKey(PARTNER_ID)
                .correlateWithResult();
    }

    private static void graceTimerFires() {
        ClockUtil.setCurrentTime(Date.from(GRACE_ENDS_AT.plusSeconds(1)));
        List<Job> due = managementService().createJobQuery().timers().executable().list();
        assertThat(due).singleElement().extracting(job -> job.getDuedate().toInstant()).isEqualTo(GRACE_ENDS_AT);
        execute(due.get(0));
    }

    /** The terminate end removed the manager's open task without completing it. */
    private static void assertFollowUpCancelled(Task followUp) {
        assertThat(taskService().createTaskQuery().taskId(followUp.getId()).count()).isZero();
        HistoricTaskInstance historic = historyService().createHistoricTaskInstanceQuery().taskId(followUp.getId())
                .singleResult();
        assertThat(historic.getEndTime()).isNotNull();
        assertThat(historic.getDeleteReason()).isNotEqualTo("completed");
    }
}
