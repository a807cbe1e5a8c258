package com.tencent.bk.partner.simulation;

/** {@code scripts/simulate}: runs one seeded simulation and exits 1 on any violation (2 on bad usage). */
public final class Simulate {

    private Simulate() {
    }

    public static void main(String[] args) {
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args);
        } catch (SimulationOptions.Usage usage) {
            if (usage.getMessage() != null) {
                System.err.println("simulate: " + usage.getMessage());
            }
            System.out.print(SimulationOptions.USAGE);
            System.exit(usage.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(run(options).violations().isEmpty() ? 0 : 1);
    }

    static Report.Summary run(SimulationOptions options) {
        Report report = new Report(options);
        Simulation simulation = new Simulation(options, report);
        Report.Summary summary;
        try {
            summary = simulation.run();
        } catch (RuntimeException e) {
            report.line("simulation aborted (seed " + options.seed() + "): " + e);
            throw e;
        }
        report.summary(summary);
        return summary;
    }
}
