package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The results table (Markdown, so it can go into the README as printed) and the JSON file. */
final class Report {

    private Report() {
    }

    static String table(RunReport run) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | events | events/s | p50 ms | p99 ms | peak lag | × commit | × Camunda | target | met? "
                + "| other load |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|---|---|--:|\n");
        for (ScenarioRow row : run.scenarios()) {
            PhaseResult r = row.result();
            out.append(String.format("| %s %s | %,d | %,.0f | %.0f | %.0f | %,d | %.2f | %.2f (%s) | %s | %s | %s |%n",
                    row.id(), row.title(), r.records(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.peakLag(),
                    row.timesCommit(), row.timesEngine(), row.engineOperation(),
                    row.target() == null ? "–" : row.target(), verdict(row.met(), row.shortfall()),
                    r.cpu() == null ? "?" : String.format("%.2f", r.cpu().other() + r.cpu().steal())));
        }
        baselineRow(out, run, "PostgreSQL single-row commit, 1 client", BaselineSnapshot::commit);
        baselineRow(out, run, "Camunda start instance, plain API", BaselineSnapshot::start);
        baselineRow(out, run, "Camunda correlate message, plain API", BaselineSnapshot::correlate);
        out.append('\n');
        out.append("× commit, × Camunda: the scenario's events/s divided by the baseline taken just before it "
                + "(Camunda: the operation the scenario's effect needs, start or correlate). Baseline rows: median of "
                + run.baselines().size() + " measurements through the run, range in the target column. Other load: "
                + "cores used meanwhile by processes that are neither the service, its PostgreSQL nor the bench "
                + "(+ hypervisor steal); above ~0.2 the machine was not quiet.\n\n");
        out.append(startup(run));
        out.append(String.format("- peak RSS of the service process: %.0f MiB = %.0f MB (target < %.0f MB: %s)%n",
                run.peakRssMib(), run.peakRssMib() * 1.048576, RunReport.RSS_TARGET_MB,
                run.smoke() ? "–" : yesNo(run.peakRssMib() < RunReport.rssTargetMib())));
        if (run.gcPauses() != null) {
            out.append(String.format("- GC pauses of the service through the run: %s (target none over %.0f ms, no "
                    + "OutOfMemoryError: %s)%n", run.gcPauses().describe(), GcPauses.TARGET_MS,
                    run.smoke() ? "–" : yesNo(run.gcPauses().met())));
        }
        for (ScenarioRow row : run.scenarios()) {
            if (row.result().cpu() != null) {
                out.append(String.format("- %s %s, %s%n", row.id(), row.title(), row.result().cpu().describe()));
            }
        }
        out.append(String.format("- machine: %s; load average at start %s%n", run.machine().summary(),
                run.machine().loadAverage()));
        out.append(String.format("- service: %s %s%s%s%n", run.serviceJar(), run.serviceJvmOptions(),
                run.serviceEnvironment().isEmpty() ? "" : ", environment " + run.serviceEnvironment(),
                run.serviceArguments().isBlank() ? "" : ", arguments " + run.serviceArguments()));
        out.append(String.format("- PostgreSQL %s on the same machine: synchronous_commit=%s, fsync=%s, shared_buffers=%s%n",
                run.postgres().get("server_version"), run.postgres().get("synchronous_commit"),
                run.postgres().get("fsync"), run.postgres().get("shared_buffers")));
        out.append(String.format("- latency: record timestamp (set by the producer at send) → %s%n", run.latencyDefinition()));
        out.append(String.format("- run: %s, %s, %.0f s in all%n", run.date(), run.mode(), run.runSeconds()));
        if (!run.failedChecks().isEmpty()) {
            out.append("- FAILED CHECKS: ").append(String.join("; ", run.failedChecks())).append('\n');
        }
        return out.toString();
    }

    private static String startup(RunReport run) {
        String service = String.format("- startup of the service: fresh schema %.1f s; existing schema %s",
                run.startupFreshSeconds(), Double.isNaN(run.startupExistingSeconds()) ? "not measured"
                        : String.format("%.1f s", run.startupExistingSeconds()));
        StartupBaseline baseline = run.startupBaseline();
        if (baseline == null) {
            return service + " (no startup baseline in this run)\n";
        }
        return String.format("%s%n- startup baseline (Spring Boot + Camunda starter, webapps, REST; nothing else): %s%n"
                        + "- startup, existing schema, service ÷ baseline: %.2f× the baseline with CDS (target ≤ %.1f×: "
                        + "%s); %.2f× the plain baseline%n", service, baseline.describe(), run.startupRatio(),
                StartupBaseline.TARGET_RATIO, run.smoke() ? "–" : yesNo(run.startupRatio() <= StartupBaseline.TARGET_RATIO),
                run.startupExistingSeconds() / baseline.plainExisting());
    }

    private static void baselineRow(StringBuilder out, RunReport run, String name,
                                    java.util.function.Function<BaselineSnapshot, BaselineResult> pick) {
        List<BaselineResult> all = run.baselines().stream().map(pick).toList();
        double[] rates = all.stream().mapToDouble(BaselineResult::perSecond).sorted().toArray();
        double median = rates[rates.length / 2];
        BaselineResult first = all.get(0);
        double commitMedian = median(run, BaselineSnapshot::commit);
        double startMedian = median(run, BaselineSnapshot::start);
        out.append(String.format("| baseline: %s | %,d | %,.0f | %.1f | %.1f | – | %.2f | %.2f | range %,.0f–%,.0f/s | – | – |%n",
                name, first.operations(), median, first.p50Ms(), first.p99Ms(), median / commitMedian,
                median / startMedian, rates[0], rates[rates.length - 1]));
    }

    private static double median(RunReport run, java.util.function.Function<BaselineSnapshot, BaselineResult> pick) {
        double[] rates = run.baselines().stream().map(pick).mapToDouble(BaselineResult::perSecond).sorted().toArray();
        return rates[rates.length / 2];
    }

    private static String verdict(Boolean met, String shortfall) {
        if (met == null) {
            return "–";
        }
        return met ? "yes" : "**no** (" + shortfall + ")";
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    static void writeJson(RunReport run, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), run);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
