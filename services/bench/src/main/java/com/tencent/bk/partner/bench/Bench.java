package com.tencent.bk.partner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/bench}: starts PostgreSQL and Kafka (or uses given ones), takes the baselines, starts the
 * service from its executable jar, prepares the fixtures over HTTP, runs B1–B5 through a real Kafka
 * producer, restarts the service on the existing schema, and prints and writes the results.
 */
public final class Bench {

    private final BenchOptions options;
    private final String runTag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        int exitCode;
        try {
            exitCode = new Bench(options).run();
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("bench: FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private int run() throws java.io.IOException {
        long started = System.nanoTime();
        Machine machine = Machine.describe();
        Console.step((options.smoke() ? "smoke run" : "benchmark") + " on " + machine.summary() + ", load "
                + machine.loadAverage());
        if (!Files.isRegularFile(options.serviceJar())) {
            throw new IllegalStateException("no service jar at " + options.serviceJar()
                    + " (scripts/bench builds it; or pass --service-jar)");
        }
        Sizes sizes = Sizes.of(options);
        if (options.profile() && ClassDataSharing.enabled()) {
            // JDK 17 crashes (SIGSEGV in KlassFactory::check_shared_class_file_load_hook) when JFR's class-file
            // hook meets a dynamic archive's classes; JFR is the fallback recorder (Profiler.jvmOptions), and a
            // profiled start is not a startup figure anyway: a profiled service starts from its jar
            System.setProperty("bench.cds", "false");
            Console.step("--profile: the service runs without its class-data archive (JFR and a dynamic archive "
                    + "crash JDK 17); startup figures of this run are not comparable");
        }
        try (Infrastructure infrastructure = options.external() ? Infrastructure.external()
                : Infrastructure.embedded(options)) {
            Console.step("infrastructure: " + infrastructure.description());
            String serviceUrl = options.external() ? System.getenv("BK_DB_URL") : infrastructure.database("partner");
            String benchUrl = infrastructure.database("bench_scratch");
            String camundaUrl = infrastructure.database("bench_camunda");

            List<BaselineSnapshot> snapshots = new ArrayList<>();
            Console.step("baselines on the same PostgreSQL: single-row commits, plain Camunda API (start, correlate)");
            Baselines baselines = new Baselines(benchUrl, camundaUrl, infrastructure.user(), infrastructure.password());
            snapshots.add(baselines.measure("start", sizes.commitRows(), sizes.camundaInstances()));
            Console.progress(snapshots.get(0).describe());

            ServiceApi api = new ServiceApi(options.httpPort());
            // the measured service records a CPU profile with --profile; the restart (startup time only) does not
            String jvmOptions = options.profile()
                    ? (options.serviceJvmOptions() + " " + Profiler.jvmOptions(options.workDir().resolve("profile"))).trim()
                    : options.serviceJvmOptions();
            // every stop-the-world pause of the measured service, parsed at the end (GcPauses)
            Path gcLog = options.workDir().resolve("service-1-gc.log");
            Files.deleteIfExists(gcLog);
            ServiceProcess.Settings plainSettings = new ServiceProcess.Settings(options.serviceJar(),
                    options.serviceJvmOptions(), options.serviceArguments(), serviceUrl, infrastructure.user(),
                    infrastructure.password(), infrastructure.bootstrapServers(), options.httpPort(),
                    Infrastructure.env("BK_ADMIN_PASSWORD", "admin-local"), options.serviceEnvironment(), true,
                    options.serviceJava(), options.serviceAheadOfTime());
            ServiceProcess.Settings settings = plainSettings.withJvmOptions(
                    (jvmOptions + " " + GcPauses.jvmOption(gcLog)).trim());
            if (ClassDataSharing.enabled()) {
                Console.step("class-data sharing: training the service's archive on a scratch database (once a build)");
                ServiceProcess.trainClassDataSharing(plainSettings.withDatabase(
                                infrastructure.database("bench_cds_training")),
                        options.workDir().resolve("cds-training.log"), api, Duration.ofMinutes(5));
            }
            Console.step("starting the service (fresh schema)");
            Measured measured;
            Profiler profiler = null;
            double startupFresh;
            double peakRss;
            Map<String, String> postgres;
            String latencyDefinition;
            try (ServiceProcess service = ServiceProcess.start(settings, options.workDir().resolve("service-1.log"),
                    api, Duration.ofMinutes(5));
                 Database database = new Database(serviceUrl, infrastructure.user(), infrastructure.password());
                 LagMonitor lag = new LagMonitor(infrastructure.bootstrapServers());
                 EventSender sender = new EventSender(infrastructure.bootstrapServers())) {
                startupFresh = service.startupSeconds();
                Console.progress(String.format("up after %.1f s (pid %d, RSS %.0f MiB, log %s)", startupFresh,
                        service.pid(), service.currentRssMib(), service.log()));
                postgres = database.settings();
                latencyDefinition = database.effectTimeDefinition();
                lag.awaitConsumers(List.of(CloudEvents.CERTIFICATIONS, CloudEvents.PAYMENTS), Duration.ofMinutes(2));
                profiler = options.profile() ? new Profiler(options.workDir().resolve("profile"), serviceUrl,
                        infrastructure.user(), infrastructure.password()) : null;
                CpuAccounting cpu = new CpuAccounting(service.pid(), infrastructure.postmasterPid());
                PhaseRunner runner = new PhaseRunner(sender, database, lag, Duration.ofMinutes(2), profiler, cpu,
                        new LatencyTimeline(options.workDir().resolve("latencies")));
                measured = options.startupOnly() ? new Measured(List.of(), List.of())
                        : scenarios(sizes, infrastructure, api, database, lag, runner, scenario -> {
                            if (options.smoke()) {
                                // the smoke run checks behaviour, not ratios: the first baselines serve each scenario
                                return snapshots.get(0);
                            }
                            cpu.start();
                            BaselineSnapshot snapshot = baselines.measure(scenario, sizes.commitRowsBetween(),
                                    sizes.camundaInstancesBetween());
                            // a baseline is only as good as the quiet it ran in: who else was busy meanwhile
                            CpuAccounting.Share share = cpu.stop();
                            if (share != null) {
                                Console.progress(String.format("%-22s %s", "baselines ran beside", share.describe()));
                                Console.progress(String.format("%-22s %s", "", share.describeThreads()));
                            }
                            snapshots.add(snapshot);
                            return snapshot;
                        });
                peakRss = service.peakRssMib();
                Console.step(String.format("stopping the service (peak RSS %.0f MiB)", peakRss));
            }
            GcPauses gcPauses = GcPauses.read(gcLog, options.workDir().resolve("service-1.log"));
            Console.progress("GC pauses: " + gcPauses.describe());
            if (profiler != null) {
                profiler.summarizeRecording();
            }
            double startupExisting = Double.NaN;
            if (options.smoke()) {
                // a figure, not a check: restarts on an existing schema are checked by the fault tests and the
                // simulation, and this one cost the build a service start
                Console.step("no restart on the existing schema in the smoke run");
            }
            StartupBaseline.ServiceRestart restart = attempt -> {
                Console.step("starting the service again (existing schema)");
                try (ServiceProcess again = ServiceProcess.start(plainSettings,
                        options.workDir().resolve("service-" + (attempt + 1) + ".log"), api, Duration.ofMinutes(5))) {
                    Console.progress(String.format("up after %.1f s", again.startupSeconds()));
                    return again.startupSeconds();
                }
            };
            StartupBaseline startupBaseline = null;
            if (options.startupBaseline()) {
                Console.step("startup baseline: Spring Boot + Camunda starter, webapps and REST, nothing else "
                        + "(plain jar, then with CDS; fresh and existing schema; the existing-schema start with CDS "
                        + StartupBaseline.COMPARED_STARTS + " times, each right after a restart of the service)");
                startupBaseline = StartupBaseline.measureOrNull(StartupBaseline.findJar(), plainSettings, infrastructure,
                        options.workDir(), api, options.smoke() ? null : restart);
                if (startupBaseline != null) {
                    Console.progress(startupBaseline.describe());
                }
            }
            if (!options.smoke()) {
                // the median of the restarts taken beside the baseline's; one restart when there was no baseline
                startupExisting = startupBaseline != null && !startupBaseline.serviceExistingSamples().isEmpty()
                        ? StartupBaseline.median(startupBaseline.serviceExistingSamples()) : restart.start(1);
            }
            Console.step("baselines again");
            snapshots.add(baselines.measure("end", sizes.commitRows(), sizes.camundaInstances()));
            Console.progress(snapshots.get(snapshots.size() - 1).describe());
            baselines.close();

            RunReport report = new RunReport(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    options.smoke() ? "smoke" : options.startupOnly() ? "startup-only" : "full", machine, infrastructure.description(), postgres,
                    latencyDefinition, options.serviceJar().toString(),
                    options.serviceJava().describe() + " " + (jvmOptions.isBlank() ? "(JVM defaults)" : jvmOptions)
                            + (options.serviceAheadOfTime() ? " -Dspring.aot.enabled=true" : ""),
                    options.serviceArguments(),
                    sizes.asMap(), snapshots, measured.rows(), startupFresh, startupExisting,
                    peakRss, options.serviceEnvironment(), startupBaseline, gcPauses, measured.failedChecks(),
                    (System.nanoTime() - started) / 1e9);
            Console.line("");
            Console.line(Report.table(report));
            Report.writeJson(report, options.output());
            Console.line("results: " + options.output());
            if (!measured.failedChecks().isEmpty()) {
                System.err.println("bench: checks failed: " + String.join("; ", measured.failedChecks()));
                return 1;
            }
            return 0;
        }
    }

    private record Measured(List<ScenarioRow> rows, List<String> failedChecks) {
    }

    private Measured scenarios(Sizes sizes, Infrastructure infrastructure, ServiceApi api, Database database,
                               LagMonitor lag, PhaseRunner runner,
                               java.util.function.Function<String, BaselineSnapshot> baselines) {
        PartnerIds partnerIds = new PartnerIds();
        Workloads workloads = new Workloads(partnerIds, runTag);
        Console.step(String.format("setup (not measured): %,d ENTERPRISE applicants to wait for their fee, %,d COMMUNITY "
                + "partners at their minimum", sizes.enterprises(), sizes.communities()));
        Fixtures.Prepared prepared = new Fixtures(api, database, runner, infrastructure.bootstrapServers(), partnerIds,
                runTag).prepare(sizes.enterprises(), sizes.communities());
        int w = sizes.warmUp();
        int measured = sizes.measuredInstances();
        List<Fixtures.WaitingForFee> fees = prepared.waitingForFee();
        List<Fixtures.AtMinimum> atMinimum = prepared.atMinimum();
        List<Fixtures.AtMinimum> revoked = atMinimum.subList(0, w + measured);
        List<String> revokedIds = revoked.stream().map(Fixtures.AtMinimum::partnerId).toList();

        Console.step("warm-up (not measured): a few payments and revocations, so the first measured run is not the "
                + "JIT's first");
        runner.run(Phase.burst("warm-up payments", workloads.feePayments("warm-up-B2", fees.subList(0, w))));
        runner.run(Phase.burst("warm-up revocations", workloads.revocations("warm-up-B3", atMinimum.subList(0, w))));

        Scenarios scenarios = new Scenarios(runner, workloads, database, api, lag, !options.smoke(), baselines);
        List<ScenarioRow> rows = new ArrayList<>();
        List<PlannedEvent> history = new ArrayList<>();
        rows.addAll(scenarios.registryOnly(sizes.registryOnlyEvents(), revokedIds, history, sizes.rounds()));
        rows.addAll(scenarios.feePayments(fees.subList(w, w + measured), sizes.instances(), sizes.rounds()));
        rows.addAll(scenarios.revocations(atMinimum.subList(w, w + measured), sizes.instances(), sizes.rounds()));
        rows.add(scenarios.backlog(sizes.backlog(), history, revokedIds, revokedIds));
        rows.add(scenarios.storm(sizes.stormEvents(), atMinimum.subList(w + measured, atMinimum.size())));
        return new Measured(rows, scenarios.failedChecks());
    }
}
