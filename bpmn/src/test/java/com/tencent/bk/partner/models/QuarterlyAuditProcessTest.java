package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {ProcessTestSupport.QUARTERLY_AUDIT_BPMN, ProcessTestSupport.AUDIT_PARTNER_FORM})
class QuarterlyAuditProcessTest extends ProcessTestSupport {

    private static final String PARTNER_A = "91350100M000100Y43";
    private static final String PARTNER_B = "911100001000000001";
    private static final String PARTNER_C = "913100001000000002";
    private static final String QUARTERLY_CRON = "0 0 9 1 1,4,7,10 ?";

    @Test
    void requestedAuditOpensOneCasePerSampledPartnerAndRecordsEachOutcomeWithItsPartner() {
        fakes.auditSampleWillBe(PARTNER_A, PARTNER_B, PARTNER_C);

        ProcessInstance instance = auditRequested();

        assertThat(instance).hasPassed("draw-audit-sample").isWaitingAt("audit-partner");
        assertThat(instance).variables()
                .containsEntry("sampledPartners", List.of(PARTNER_A, PARTNER_B, PARTNER_C))
                .containsEntry("sampleSize", 3)
                .containsEntry("auditSeed", 20261125L)
                .containsKey("auditId");
        Map<String, Task> tasks = auditTasksByPartner(instance);
        assertThat(tasks).containsOnlyKeys(PARTNER_A, PARTNER_B, PARTNER_C);
        tasks.forEach((partnerId, task) -> {
            assertThat(task).hasCandidateGroup("auditors").isNotAssigned();
            assertFormRef(task, "audit-partner");
            assertThat(taskService().getVariables(task.getId()))
                    .containsEntry("companyName", FakeDelegates.companyNameFor(partnerId))
                    .containsEntry("requiredAutomationService", 5)
                    .containsEntry("auditOutcome", null)
                    .containsEntry("comment", null);
        });
        assertThat(fakes.calls()).containsExactly("drawAuditSample", "auditCaseOpened:start",
                "auditCaseOpened:start", "auditCaseOpened:start");

        // as Tasklist does: the submitted form's variables land in this case's scope only
        formService().submitTaskForm(tasks.get(PARTNER_B).getId(),
                withVariables("auditOutcome", "MISMATCH", "comment", "4 of 5 engineers verified"));
        assertThat(runtimeService().getVariableLocal(instance.getId(), "auditOutcome")).isNull();
        assertThat(runtimeService().getVariableLocal(instance.getId(), "companyName")).isNull();
        assertThat(taskService().getVariable(tasks.get(PARTNER_A).getId(), "auditOutcome")).isNull();
        assertThat(taskService().getVariable(tasks.get(PARTNER_C).getId(), "comment")).isNull();

        complete(tasks.get(PARTNER_C), withVariables("auditOutcome", "DECEPTION", "comment", "certificates borrowed"));
        assertThat(instance).isWaitingAt("audit-partner");
        complete(tasks.get(PARTNER_A), withVariables("auditOutcome", "CONFIRMED", "comment", "all verified"));

        assertThat(instance).isEnded().hasPassed("audit-partner", "record-audit-outcome", "audit-completed");
        assertThat(fakes.auditOutcomes()).containsExactly(
                new FakeDelegates.AuditOutcome(PARTNER_B, "MISMATCH", "4 of 5 engineers verified"),
                new FakeDelegates.AuditOutcome(PARTNER_C, "DECEPTION", "certificates borrowed"),
                new FakeDelegates.AuditOutcome(PARTNER_A, "CONFIRMED", "all verified"));
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("auditOutcome").list()).hasSize(3);
    }

    @Test
    void emptySampleCompletesAtOnce() {
        ProcessInstance instance = auditRequested();

        assertThat(instance).isEnded().hasPassed("draw-audit-sample", "audit-completed").hasNotPassed("audit-partner");
        assertThat(taskService().createTaskQuery().count()).isZero();
        assertThat(fakes.calls()).containsExactly("drawAuditSample");
        assertThat(fakes.auditOutcomes()).isEmpty();
    }

    @Test
    void quarterlyTimerStartsAnAuditAtNineOnTheFirstDayOfEachQuarter() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey("quarterly-audit").activityIdIn("quarter-started").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).contains(QUARTERLY_CRON);

        Job quarterStart = timerStartJob();
        LocalDateTime due = local(quarterStart.getDuedate());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getHour()).isEqualTo(9);
        assertThat(due.getMinute()).isZero();
        assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);

        ClockUtil.setCurrentTime(Date.from(quarterStart.getDuedate().toInstant().plusSeconds(1)));
        execute(quarterStart);

        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("quarterly-audit")
                .finished().singleResult().getStartActivityId()).isEqualTo("quarter-started");
        assertThat(fakes.calls()).containsExactly("drawAuditSample");
        LocalDateTime next = local(timerStartJob().getDuedate());
        assertThat(next).isEqualTo(due.plusMonths(3));
    }

    private static ProcessInstance auditRequested() {
        ProcessInstance instance = runtimeService().createMessageCorrelation("AuditRequested").correlateStartMessage();
        assertThat(instance).isStarted();
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getStartActivityId()).isEqualTo("audit-requested");
        return instance;
    }

    private static Map<String, Task> auditTasksByPartner(ProcessInstance instance) {
        List<Task> tasks = taskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("audit-partner").list();
        assertThat(tasks).hasSize(3);
        return tasks.stream().collect(Collectors.toMap(
                task -> (String) taskService().getVariable(task.getId(), "auditedPartnerId"), Function.identity()));
    }

    private static Job timerStartJob() {
        return managementService().createJobQuery().processDefinitionKey("quarterly-audit").timers().singleResult();
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
