package com.tencent.bk.partner.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the simulation prints: a line per simulated month, every violation with seed and day, a summary. */
final class Report {

    record Summary(int partners, int days, long eventsSent, int tasksCompleted, int restarts, int restartsFailed,
                   int invariantsChecked, List<Invariants.Violation> violations, double wallSeconds,
                   Map<String, Integer> eventCounts, Map<String, Integer> taskCounts) {
    }

    private final SimulationOptions options;
    private final List<Invariants.Violation> violations = new ArrayList<>();

    Report(SimulationOptions options) {
        this.options = options;
    }

    void line(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }

    void month(LocalDate day, Map<String, String> statuses, long events, int tasks, int restarts) {
        Map<String, Integer> byStatus = new TreeMap<>();
        statuses.values().forEach(status -> byStatus.merge(status, 1, Integer::sum));
        line(String.format("%s  partners %s  events %,d  tasks %,d  restarts %d  violations %d", day, byStatus,
                events, tasks, restarts, violations.size()));
    }

    void violation(Invariants.Violation violation) {
        violations.add(violation);
        line("VIOLATION seed " + options.seed() + " day " + violation.day() + ": [" + violation.check() + "] "
                + violation.detail());
        line("  replay: " + options.command());
    }

    List<Invariants.Violation> violations() {
        return violations;
    }

    void summary(Summary summary) {
        System.out.println();
        System.out.println("Simulation " + options.command());
        System.out.printf("  partners            %,d%n", summary.partners());
        System.out.printf("  simulated days      %,d (%s .. %s)%n", summary.days(), options.start(),
                options.start().plusDays(summary.days()));
        System.out.printf("  events sent         %,d  %s%n", summary.eventsSent(), new TreeMap<>(summary.eventCounts()));
        System.out.printf("  tasks completed     %,d  %s%n", summary.tasksCompleted(), new TreeMap<>(summary.taskCounts()));
        System.out.printf("  restarts            %d (failed to start: %d)%n", summary.restarts(),
                summary.restartsFailed());
        System.out.printf("  invariants checked  %,d%n", summary.invariantsChecked());
        System.out.printf("  violations          %d%n", summary.violations().size());
        System.out.printf("  wall time           %.0f s%n", summary.wallSeconds());
        if (!summary.violations().isEmpty()) {
            System.out.println("  first violations (seed " + options.seed() + "):");
            summary.violations().stream().limit(20).forEach(v -> System.out.println("    " + v));
        }
    }
}
