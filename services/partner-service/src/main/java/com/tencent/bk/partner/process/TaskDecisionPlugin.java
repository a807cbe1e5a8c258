package com.tencent.bk.partner.process;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Puts the deciding task and form services into the engine, before it hands them to REST and Tasklist. */
@Component
class TaskDecisionPlugin extends AbstractCamundaConfiguration {

    private final DecisionLog log;

    TaskDecisionPlugin(DecisionLog log) {
        this.log = log;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setTaskService(new DecidingTaskService(log));
        configuration.setFormService(new DecidingFormService(log));
    }
}
