package com.tencent.bk.partner.bench;

import java.util.Map;

/**
 * One row of the results table.
 *
 * @param baseline        the baselines taken just before the scenario, which its ratios refer to
 * @param engineOperation the Camunda baseline this scenario's rate is compared with ({@code start} or {@code correlate})
 * @param met             null when the row has no target (or in a smoke run)
 * @param checks          what was verified after the run (counts, lost, applied twice), by name
 */
record ScenarioRow(String id, String title, PhaseResult result, BaselineSnapshot baseline, String engineOperation,
                   String target, Boolean met, String shortfall, Map<String, Object> checks) {

    double timesCommit() {
        return result.perSecond() / baseline.commit().perSecond();
    }

    double timesEngine() {
        return result.perSecond() / baseline.engine(engineOperation).perSecond();
    }
}
