package com.tencent.bk.partner.simulation;

import java.nio.file.Path;
import java.time.LocalDate;

/** What {@code scripts/simulate} was asked for. */
record SimulationOptions(int partners, double years, long seed, int restarts, int stepDays, LocalDate start,
                         Path workDir, Path serviceJar) {

    static final String USAGE = """
            scripts/simulate --partners N --years S --seed X [--restarts R] [--step-days K] [--start DATE]
                             [--work-dir DIR] [--service-jar JAR] [--help]
              Runs the partner service from its jar on embedded PostgreSQL and Kafka under a program clock the
              simulation moves one program day at a time (00:30 Asia/Shanghai), with N companies of every type,
              random certificate, payment and compliance events and people working their tasks, decided by one
              java.util.Random(seed). After every simulated day the invariants are checked; a violation prints the
              seed and the day, and the same --seed replays the same run. Exit code 1 on any violation.
              --partners N     companies (default 100)
              --years S        simulated years, fractions allowed (default 1)
              --seed X         the run's seed (default 1)
              --restarts R     SIGKILL the service R times at random simulated moments and start it again (default 0)
              --step-days K    program days per step (default 1); the clock still crosses every day boundary
              --start DATE     the first program day (default 2030-01-01)
            """;

    static SimulationOptions parse(String[] args) {
        int partners = 100;
        double years = 1;
        long seed = 1;
        int restarts = 0;
        int step = 1;
        LocalDate start = LocalDate.of(2030, 1, 1);
        Path workDir = Path.of("target", "simulation").toAbsolutePath();
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new Usage(null);
            }
            if (i + 1 >= args.length) {
                throw new Usage(arg + " needs a value");
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--partners" -> partners = Integer.parseInt(value);
                    case "--years" -> years = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--restarts" -> restarts = Integer.parseInt(value);
                    case "--step-days" -> step = Integer.parseInt(value);
                    case "--start" -> start = LocalDate.parse(value);
                    case "--work-dir" -> workDir = Path.of(value).toAbsolutePath();
                    case "--service-jar" -> jar = Path.of(value).toAbsolutePath();
                    default -> throw new Usage("unknown option " + arg);
                }
            } catch (RuntimeException e) {
                if (e instanceof Usage usage) {
                    throw usage;
                }
                throw new Usage(arg + ": " + value + " is not valid");
            }
        }
        if (partners < 4 || years <= 0 || restarts < 0 || step < 1) {
            throw new Usage("--partners at least 4, --years above 0, --restarts and --step-days not negative");
        }
        return new SimulationOptions(partners, years, seed, restarts, step, start, workDir, jar);
    }

    int days() {
        return (int) Math.round(years * 365);
    }

    String command() {
        return "scripts/simulate --partners " + partners + " --years " + years + " --seed " + seed
                + " --restarts " + restarts + (stepDays == 1 ? "" : " --step-days " + stepDays)
                + (start.equals(LocalDate.of(2030, 1, 1)) ? "" : " --start " + start);
    }

    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
