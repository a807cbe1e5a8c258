package com.tencent.bk.partner.deadlines;

import com.tencent.bk.partner.common.ProgramClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The timers of a partner's running processes, and moving one of them. */
@Component
class Deadlines {

    record Deadline(String timer, String process, String processInstanceId, Instant dueAt) {
    }

    record Change(String timer, String processInstanceId, Instant oldDueAt, Instant newDueAt, String reason,
                  String changedBy, Instant changedAt) {
    }

    static class NoSuchDeadlineException extends RuntimeException {
        NoSuchDeadlineException(String message) {
            super(message);
        }
    }

    private static final Pattern VARIABLE_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final ProgramClock clock;
    private final ProcessEngine engine;
    private final ApplicationEventPublisher events;

    Deadlines(RuntimeService runtime, ManagementService management, RepositoryService repository, JdbcClient jdbc,
              ProgramClock clock, ProcessEngine engine, ApplicationEventPublisher events) {
        this.events = events;
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
    }

    List<Deadline> of(String partnerId) {
        Map<String, String> processKeys = runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId)
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, instance ->
                        repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey()));
        return processKeys.keySet().stream()
                .flatMap(instanceId -> management.createJobQuery().processInstanceId(instanceId).timers().list()
                        .stream())
                .map(job -> new Deadline(timerOf(job), processKeys.get(job.getProcessInstanceId()),
                        job.getProcessInstanceId(), job.getDuedate().toInstant()))
                .sorted(java.util.Comparator.comparing(Deadline::dueAt))
                .toList();
    }

    @Transactional
    Change move(String partnerId, String timer, Instant newDueAt, String reason, String user) {
        Deadline deadline = of(partnerId).stream().filter(candidate -> candidate.timer().equals(timer)).findFirst()
                .orElseThrow(() -> new NoSuchDeadlineException("Partner " + partnerId + " has no running timer "
                        + timer));
        Job job = management.createJobQuery().processInstanceId(deadline.processInstanceId()).timers().list()
                .stream().filter(candidate -> timerOf(candidate).equals(timer)).findFirst().orElseThrow();
        management.setJobDuedate(job.getId(), Date.from(newDueAt));
        if (!newDueAt.isAfter(clock.now())) {
            wakeJobExecutorAfterCommit();
        }
        timeVariableOf(job).ifPresent(variable -> {
            runtime.setVariable(deadline.processInstanceId(), variable, newDueAt.toString());
            events.publishEvent(new DeadlineMoved(deadline.processInstanceId(), variable, newDueAt));
        });
        Change change = new Change(timer, deadline.processInstanceId(), deadline.dueAt(), newDueAt, reason, user,
                clock.now());
        jdbc.sql("""
                        insert into program.deadline_change (partner_id, process_instance_id, timer, old_due_at,
                                                             new_due_at, reason, changed_by, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(partnerId, change.processInstanceId(), timer, Timestamp.from(change.oldDueAt()),
                        Timestamp.from(newDueAt), reason, user, Timestamp.from(change.changedAt()))
                .update();
        return change;
    }

    /**
     * A deadline moved to now fires now: the job executor backs off up to a minute while idle, and only a job it
     * creates itself wakes it.
     */
    private void wakeJobExecutorAfterCommit() {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobExecutor.jobWasAdded();
            }
        });
    }

    List<Change> changes(String partnerId) {
        return jdbc.sql("""
                        select timer, process_instance_id, old_due_at, new_due_at, reason, changed_by, changed_at
                        from program.deadline_change where partner_id = ? order by change_id desc
                        """)
                .param(partnerId)
                .query((rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * The process variable a timer's date is read from ({@code ${contractEndsAt}}), if it is one. Moving the
     * timer moves the variable too, so that the later timers of the same deadline (the renewal's review, fee
     * and signature deadlines all end at the contract's end) follow it instead of firing at the old date.
     */
    private Optional<String> timeVariableOf(Job job) {
        ModelElementInstance element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
                .getModelElementById(timerOf(job));
        return element.getChildElementsByType(TimerEventDefinition.class).stream()
                .map(TimerEventDefinition::getTimeDate)
                .filter(java.util.Objects::nonNull)
                .map(date -> VARIABLE_EXPRESSION.matcher(date.getTextContent().trim()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    /** The BPMN id of the timer event behind a job, e.g. {@code grace-period-ended}. */
    private String timerOf(Job job) {
        JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult();
        return definition.getActivityId();
    }
}
