package com.tencent.bk.partner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The startup baseline (services/startup-baseline): the least Spring Boot application with the same Camunda
 * starter, webapps and REST API as the service, started like the service (its own process, the same JVM options
 * and environment, ready when {@code /actuator/health} is UP) on the same PostgreSQL, each time in a database of
 * its own. Measured twice: plain, from its executable jar as a generated application starts, and with the
 * class-data sharing the service gets; each on a fresh and on the existing schema.
 *
 * @param plainFresh    seconds to healthy, executable jar, new database
 * @param plainExisting the same again on the schema the first start created
 * @param cdsFresh      extracted layout with its own dynamic CDS archive, new database
 * @param cdsExisting   the same again on that schema: the median of {@link #COMPARED_STARTS} starts, each right after a
 *                      restart of the service on its existing schema, so that the two compared figures are taken
 *                      side by side and a minute's noise of the machine falls on both
 * @param cdsExistingSamples     those starts, in order
 * @param serviceExistingSamples the service's restarts between them, in order (empty when none were asked for)
 */
record StartupBaseline(double plainFresh, double plainExisting, double cdsFresh, double cdsExisting,
                       List<Double> cdsExistingSamples, List<Double> serviceExistingSamples) {

    /** How many times the compared pair (the service and the baseline with CDS, existing schema) is started. */
    static final int COMPARED_STARTS = 3;

    /** Restarts the service on its existing schema and returns its startup seconds; {@code attempt} from 1. */
    interface ServiceRestart {
        double start(int attempt);
    }

    /** The service's start on the existing schema may take at most this many times the baseline's (with CDS). */
    static final double TARGET_RATIO = 1.3;

    static Path findJar() {
        return Path.of("services", "startup-baseline", "target", "startup-baseline.jar").toAbsolutePath();
    }

    /**
     * Starts the baseline five times (once to train its archive on a scratch database) while nothing else of the
     * bench runs; null when its jar is missing.
     */
    static StartupBaseline measure(Path jar, ServiceProcess.Settings service, Infrastructure infrastructure,
                                   Path workDir, ServiceApi api, ServiceRestart restart) {
        if (!Files.isRegularFile(jar)) {
            Console.progress("no startup baseline at " + jar + " (scripts/bench builds it); skipped");
            return null;
        }
        ServiceProcess.Settings plain = service.forApplication(jar, false)
                .withDatabase(infrastructure.database("startup_baseline_plain"));
        double plainFresh = start(plain, workDir.resolve("startup-baseline-plain-1.log"), api);
        double plainExisting = start(plain, workDir.resolve("startup-baseline-plain-2.log"), api);
        ServiceProcess.Settings cds = service.forApplication(jar, true);
        if (ClassDataSharing.enabled()) {
            ServiceProcess.trainClassDataSharing(cds.withDatabase(infrastructure.database("startup_baseline_training")),
                    workDir.resolve("startup-baseline-cds-training.log"), api, Duration.ofMinutes(5));
        }
        cds = cds.withDatabase(infrastructure.database("startup_baseline_cds"));
        double cdsFresh = start(cds, workDir.resolve("startup-baseline-cds-1.log"), api);
        List<Double> cdsExisting = new ArrayList<>();
        List<Double> serviceExisting = new ArrayList<>();
        for (int attempt = 1; attempt <= (restart == null ? 1 : COMPARED_STARTS); attempt++) {
            if (restart != null) {
                serviceExisting.add(restart.start(attempt));
            }
            cdsExisting.add(start(cds, workDir.resolve("startup-baseline-cds-" + (attempt + 1) + ".log"), api));
        }
        return new StartupBaseline(plainFresh, plainExisting, cdsFresh, median(cdsExisting), List.copyOf(cdsExisting),
                List.copyOf(serviceExisting));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A baseline that does not start is reported, not fatal: the scenarios' results still count. */
    static StartupBaseline measureOrNull(Path jar, ServiceProcess.Settings service, Infrastructure infrastructure,
                                        Path workDir, ServiceApi api, ServiceRestart restart) {
        try {
            return measure(jar, service, infrastructure, workDir, api, restart);
        } catch (RuntimeException e) {
            Console.progress("startup baseline failed: " + e.getMessage());
            return null;
        }
    }

    private static double start(ServiceProcess.Settings settings, Path log, ServiceApi api) {
        try (ServiceProcess process = ServiceProcess.start(settings, log, api, Duration.ofMinutes(5))) {
            return process.startupSeconds();
        }
    }

    String describe() {
        String described = String.format("plain jar %.1f s fresh, %.1f s existing; with CDS %.1f s fresh, %.1f s existing",
                plainFresh, plainExisting, cdsFresh, cdsExisting);
        if (cdsExistingSamples.size() < 2) {
            return described;
        }
        return described + " (median of " + seconds(cdsExistingSamples) + ", each right after a restart of the service: "
                + seconds(serviceExistingSamples) + ")";
    }

    private static String seconds(List<Double> samples) {
        return samples.stream().map(value -> String.format("%.1f", value)).collect(Collectors.joining(" / ")) + " s";
    }
}
