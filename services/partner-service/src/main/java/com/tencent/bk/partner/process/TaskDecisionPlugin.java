package com.tencent.bk.partner.process;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Puts the deciding task and form services into the engine, before it hands them to REST and Tasklist. */
@Component
class TaskDecisionPlugin extends AbstractCamundaConfiguration {

    private final DecisionLog log;
    private final JdbcClient jdbc;
    /** Looked up when a form is opened: a source may need the engine this plugin configures. */
    private final ObjectProvider<FormFiguresSource> figureSources;

    TaskDecisionPlugin(DecisionLog log, JdbcClient jdbc, ObjectProvider<FormFiguresSource> figureSources) {
        this.log = log;
        this.jdbc = jdbc;
        this.figureSources = figureSources;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setTaskService(new DecidingTaskService(log, this::taskStillThere));
        configuration.setFormService(new DecidingFormService(log, this::taskStillThere, figureSources));
    }

    /** A fresh read past the engine's cache: has a concurrent transaction ended the task meanwhile? */
    private boolean taskStillThere(String taskId) {
        return jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(taskId).query(Integer.class).single() > 0;
    }
}
