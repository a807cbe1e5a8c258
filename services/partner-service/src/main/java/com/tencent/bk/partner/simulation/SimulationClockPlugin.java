package com.tencent.bk.partner.simulation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts the engine clock back to the simulation's day as soon as the engine is built: before the job executor
 * runs and before the startup sweep, so a restarted service neither fires timers nor sweeps on the wall clock.
 */
@Component
@Profile("simulation")
class SimulationClockPlugin extends AbstractProcessEnginePlugin {

    private final StoredClock stored;

    SimulationClockPlugin(StoredClock stored, Environment environment) {
        SimulationGuard.check(environment);
        this.stored = stored;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        stored.restore();
    }
}
