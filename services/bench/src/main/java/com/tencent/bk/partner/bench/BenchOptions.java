package com.tencent.bk.partner.bench;

import com.tencent.bk.partner.infra.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code scripts/bench} was asked to do. Sizes derive from {@link #events()}, {@link #instances()} and
 * {@link #backlog()}; {@code --smoke} shrinks them to a few hundred events and drops the targets.
 */
record BenchOptions(boolean smoke, int events, int instances, int rounds, int backlog, boolean external,
                    Path serviceJar, Path workDir, Path output, int postgresPort, int kafkaPort, int httpPort,
                    String serviceJvmOptions, String serviceArguments, Map<String, String> serviceEnvironment,
                    JavaRuntime serviceJava, boolean startupBaseline, boolean startupOnly, boolean durable,
                    boolean profile, boolean serviceAheadOfTime) {

    /** The service's default JVM options: those of its Dockerfile (docs/operations.md). */
    static final String SERVICE_JVM_OPTIONS = "-Xmx384m -Xms224m -XX:MinHeapFreeRatio=10 "
            + "-XX:GCTimeRatio=4 -XX:MaxGCPauseMillis=50 -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1";
    /** The service's default environment: that of its Dockerfile. */
    static final String SERVICE_ENVIRONMENT = "MALLOC_ARENA_MAX=2";

    static final String USAGE = """
            usage: scripts/bench [options]
              --smoke               a few hundred events through every scenario, no targets (exit 0 if nothing
                                    was lost or applied twice and every count matches)
              --events N            B1 events (burst; the paced run sends N/2, the storm N/4)   [20000; smoke 200]
              --instances N         waiting onboarding instances (B2) and at-minimum partners (B3) per run
                                    (burst and paced each get N)                             [500; smoke 20]
              --rounds N            B1, B2 and B3 each run N times, each round against the baselines
                                    taken just before it; targets are checked on the median round  [3; smoke 1]
              --backlog N           B4 backlog size                                          [100000; smoke 300]
              --external            use the PostgreSQL and Kafka given by BK_DB_URL, BK_DB_USER, BK_DB_PASSWORD,
                                    BK_KAFKA_BOOTSTRAP (and BK_ADMIN_PASSWORD) instead of starting embedded ones
              --output FILE         machine-readable results                        [<work-dir>/results.json]
              --work-dir DIR        data, logs and results                [target/bench; smoke target/bench-smoke]
              --service-jar FILE    the service's executable jar
                                    [services/partner-service/target/partner-service-*-exec.jar]
              --ports PG,KAFKA,HTTP fixed ports, or "auto" for free ones        [15432,19092,18080; smoke auto]
              --profile             where the time goes: pg_stat_statements per phase and a JFR recording of
                                    the service, in <work-dir>/profile/ (embedded PostgreSQL only)
              --service-jvm-opts S  JVM options of the service process (and of the startup baseline)
                                    [as its Dockerfile: %s]
              --service-env S       environment of the service process (and of the startup baseline),
                                    NAME=VALUE,…; "none" for none              [as its Dockerfile: %s]
              --service-java DIR    the Java home the service (and the startup baseline) run on; from
                                    JDK 25 on with an AOT cache instead of a CDS archive   [the bench's Java]
              --startup-only        only the startups (service fresh and existing, startup baseline), no
                                    scenarios: to try startup options quickly
              --startup-baseline on|off  start the startup baseline (services/startup-baseline) to compare
                                    the service's startup with                           [on; smoke off]
              --service-args S      extra arguments of the service, e.g. to try a configuration:
                                    "--spring.kafka.listener.concurrency=3"                  [none]
              --service-aot on|off  the service on the bean definitions Spring AOT generated at build time
                                    (-Dspring.aot.enabled=true), as its image starts it; the startup baseline
                                    always without                                            [on]
              --pg-durability on|off  embedded PostgreSQL with fsync and synchronous_commit on, as a
                                    production server runs; off = the embedded defaults of run-local [on]
            """.formatted(SERVICE_JVM_OPTIONS, SERVICE_ENVIRONMENT.isEmpty() ? "none" : SERVICE_ENVIRONMENT);

    static BenchOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean smoke = rest.remove("--smoke");
        boolean external = rest.remove("--external");
        boolean profile = rest.remove("--profile");
        boolean startupOnly = rest.remove("--startup-only");
        JavaRuntime serviceJava = JavaRuntime.current();
        Integer events = null;
        Integer instances = null;
        Integer rounds = null;
        Integer backlog = null;
        Path serviceJar = null;
        // a smoke run never overwrites the data and results of a full one
        Path workDir = Path.of("target", smoke ? "bench-smoke" : "bench");
        Path output = null;
        String ports = smoke ? "auto" : "15432,19092,18080";
        String jvmOptions = SERVICE_JVM_OPTIONS;
        String environment = SERVICE_ENVIRONMENT;
        // the baseline's five starts take a minute: the smoke run checks correctness, not startup
        boolean startupBaseline = !smoke;
        String serviceArguments = "";
        boolean durable = true;
        boolean aheadOfTime = true;
        for (int i = 0; i < rest.size(); i += 2) {
            String name = rest.get(i);
            if (name.equals("--help") || name.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= rest.size()) {
                throw new UsageException(name + " needs a value");
            }
            String value = rest.get(i + 1);
            switch (name) {
                case "--events" -> events = positive(name, value);
                case "--instances" -> instances = positive(name, value);
                case "--rounds" -> rounds = positive(name, value);
                case "--backlog" -> backlog = positive(name, value);
                case "--service-jar" -> serviceJar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--output" -> output = Path.of(value);
                case "--ports" -> ports = value;
                case "--service-jvm-opts" -> jvmOptions = value;
                case "--service-args" -> serviceArguments = value;
                case "--service-env" -> environment = value.equals("none") ? "" : value;
                case "--startup-baseline" -> startupBaseline = onOrOff(name, value);
                case "--service-java" -> serviceJava = JavaRuntime.of(Path.of(value));
                case "--pg-durability" -> durable = onOrOff(name, value);
                case "--service-aot" -> aheadOfTime = onOrOff(name, value);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        int[] portNumbers = ports(ports);
        return new BenchOptions(smoke, events != null ? events : smoke ? 200 : 20_000,
                instances != null ? instances : smoke ? 20 : 500, rounds != null ? rounds : smoke ? 1 : 3,
                backlog != null ? backlog : smoke ? 300 : 100_000, external,
                serviceJar != null ? serviceJar : ServiceJar.find(),
                workDir.toAbsolutePath(), (output != null ? output : workDir.resolve("results.json")).toAbsolutePath(),
                portNumbers[0], portNumbers[1], portNumbers[2], jvmOptions, serviceArguments, environment(environment),
                serviceJava, startupBaseline, startupOnly, durable, profile, aheadOfTime);
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(name + " needs a positive number, got " + value);
    }

    private static Map<String, String> environment(String value) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--service-env is NAME=VALUE,…, got " + value);
            }
            environment.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return environment;
    }

    private static boolean onOrOff(String name, String value) {
        if (!value.equals("on") && !value.equals("off")) {
            throw new UsageException(name + " is on or off, got " + value);
        }
        return value.equals("on");
    }

    private static int[] ports(String value) {
        if (value.equals("auto")) {
            return new int[] {FreePorts.pick(), FreePorts.pick(), FreePorts.pick()};
        }
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new UsageException("--ports is PG,KAFKA,HTTP or auto, got " + value);
        }
        return new int[] {positive("--ports", parts[0]), positive("--ports", parts[1]), positive("--ports", parts[2])};
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
