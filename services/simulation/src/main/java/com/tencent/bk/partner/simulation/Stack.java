package com.tencent.bk.partner.simulation;

import com.tencent.bk.partner.bench.Database;
import com.tencent.bk.partner.bench.ServiceApi;
import com.tencent.bk.partner.bench.ServiceJar;
import com.tencent.bk.partner.bench.ServiceProcess;
import com.tencent.bk.partner.infra.EmbeddedKafkaServer;
import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import com.tencent.bk.partner.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the simulation runs on: a fresh embedded PostgreSQL and KRaft broker in this JVM (data under the work
 * directory), and the service from its executable jar as its own process with profiles {@code local} and
 * {@code simulation}, which the simulation can kill hard (SIGKILL) and start again.
 */
final class Stack implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-local";

    private final Path directory;
    private final Path jar;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final String jdbcUrl;
    private final Database database;
    private ServiceProcess service;
    private ServiceHttp http;
    private int starts;

    Stack(Path directory, Path jar) {
        this.directory = directory;
        this.jar = jar != null ? jar : configuredJar();
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalStateException("no service jar at " + this.jar + "; build services/partner-service first");
        }
        deleteRecursively(directory);
        this.postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), FreePorts.pick(), true);
        this.jdbcUrl = postgres.createDatabaseIfMissing("partner");
        this.kafka = EmbeddedKafkaServer.start(FreePorts.pick());
        this.database = new Database(jdbcUrl, EmbeddedPostgresServer.USER, "");
    }

    /** Starts the service (again); throws when it does not come up healthy within six minutes (a bound for a busy machine). */
    ServiceHttp startService() {
        int port = FreePorts.pick();
        starts++;
        // C1 and the serial collector: on a build's busy 2 cores, compiler and GC threads are work taken from the
        // rest. The class-data archive only if it is there: in the build, the fault tests beside train it, and the
        // simulation, the build's longest test, does not wait for that. Its profile adds beans, which the jar's
        // ahead-of-time bean definitions (built without a profile) do not have: Spring reads them at start.
        // Offsets committed after every poll, not every half second as by default: a program day is over when
        // the consumer lag is 0 (ProgramDays.awaitIdle), and the half second the committed offsets trail cost
        // the short simulation 150 s of waiting. The fault tests keep the default
        service = ServiceProcess.startWithoutWaiting(new ServiceProcess.Settings(jar,
                        "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                        "--spring.profiles.active=simulation --partner.simulation.enabled=true "
                                + "--logging.level.com.tencent.bk.partner=WARN --spring.kafka.listener.ack-mode=batch",
                        jdbcUrl, EmbeddedPostgresServer.USER, "", kafka.bootstrapServers(), port, ADMIN_PASSWORD)
                        .withoutAheadOfTime(),
                directory.resolve("service-" + starts + ".log"), new ServiceApi(port), Duration.ofMinutes(6));
        http = new ServiceHttp(port);
        return http;
    }

    /** SIGKILL: no shutdown hook, no last offset commit. */
    void killService() {
        service.kill();
    }

    double lastStartupSeconds() {
        return service.startupSeconds();
    }

    ServiceHttp http() {
        return http;
    }

    Database database() {
        return database;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path serviceLog() {
        return service.log();
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        database.close();
        kafka.close();
        postgres.close();
    }

    private static Path configuredJar() {
        String configured = System.getProperty("service.jar");
        return configured == null ? ServiceJar.find() : Path.of(configured);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
