package com.tencent.bk.partner.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to the results file. */
record RunReport(String date, String mode, Machine machine, String infrastructure, Map<String, String> postgres,
                 String latencyDefinition, String serviceJar, String serviceJvmOptions, String serviceArguments,
                 Map<String, Object> sizes, List<BaselineSnapshot> baselines, List<ScenarioRow> scenarios, double startupFreshSeconds, double startupExistingSeconds,
                 double peakRssMib, List<String> failedChecks, double runSeconds) {

    static final double STARTUP_TARGET_SECONDS = 20;
    static final double RSS_TARGET_MB = 700;

    /** 700 MB in MiB: the target is in (decimal) megabytes. */
    static double rssTargetMib() {
        return RSS_TARGET_MB * 1_000_000 / (1024.0 * 1024.0);
    }

    boolean smoke() {
        return mode.equals("smoke");
    }
}
