package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to the results file. */
record RunReport(String date, String mode, Machine machine, String infrastructure, Map<String, String> postgres,
                 String latencyDefinition, String serviceJar, String serviceJvmOptions, String serviceArguments,
                 Map<String, Object> sizes, List<BaselineSnapshot> baselines, List<ScenarioRow> scenarios, double startupFreshSeconds, double startupExistingSeconds,
                 double peakRssMib, Map<String, String> serviceEnvironment, StartupBaseline startupBaseline,
                 GcPauses gcPauses, List<String> failedChecks, double runSeconds) {

    static final double RSS_TARGET_MB = 600;

    /** 600 MB in MiB: the target is in (decimal) megabytes. */
    static double rssTargetMib() {
        return RSS_TARGET_MB * 1_000_000 / (1024.0 * 1024.0);
    }

    /** The service's start on the existing schema over the baseline's (with class-data sharing, as the service). */
    @JsonProperty("startupRatio")
    Double startupRatio() {
        return startupBaseline == null ? null : startupExistingSeconds / startupBaseline.cdsExisting();
    }

    boolean smoke() {
        return mode.equals("smoke");
    }
}
