package com.tencent.bk.partner.bench;

import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import com.tencent.bk.partner.infra.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fault test breaks: a PostgreSQL (in this JVM, data on disk, restartable on its port), a Kafka broker in
 * its own JVM (log directory on disk, restartable; the services reach it through a {@link TcpProxy} the test can
 * cut) and any number of service instances started from the
 * executable jar — each a separate operating-system process that can be stopped cleanly, frozen or killed hard.
 */
final class FaultStack implements AutoCloseable {

    /** The {@code local} profile's, which {@link ServiceApi} uses for metrics. */
    static final String ADMIN_PASSWORD = "admin-local";

    private final Path directory;
    private final int postgresPort = FreePorts.pick();
    private final KafkaBrokerProcess broker;
    private final TcpProxy serviceLink;
    private final String serviceBootstrap;
    private final String jdbcUrl;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private Database database;
    private int started;
    private ServiceInstance latest;

    private FaultStack(Path directory) {
        this.directory = directory;
        this.postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), postgresPort, false);
        this.jdbcUrl = postgres.createDatabaseIfMissing("partner");
        int serviceListener = FreePorts.pick();
        int proxyPort = FreePorts.pick();
        this.broker = KafkaBrokerProcess.start(directory.resolve("kafka"), FreePorts.pick(), FreePorts.pick(),
                serviceListener, proxyPort);
        this.serviceLink = new TcpProxy(proxyPort, serviceListener);
        this.serviceBootstrap = "localhost:" + proxyPort;
        this.database = new Database(jdbcUrl, EmbeddedPostgresServer.USER, "");
    }

    /** A fresh stack under {@code target/faults/<name>}. */
    static FaultStack fresh(String name) {
        Path directory = Path.of("target", "faults", name).toAbsolutePath();
        Infrastructure.deleteRecursively(directory);
        return new FaultStack(directory);
    }

    /**
     * Starts one more instance of the service (its own HTTP port, the same database, broker and group): three
     * consumers per topic, and the programme's gauges refreshed every second rather than every 30 s, so a test
     * sees them follow what it did.
     */
    ServiceInstance startService() {
        return startService("--spring.kafka.listener.concurrency=3 --partner.metrics.refresh=PT1S");
    }

    /**
     * The instance started last while it is alive and healthy, else a new one ({@link #startService()}): one that a
     * failed test left up but broken is stopped, so that the next test does not fail for the same cause.
     */
    ServiceInstance running() {
        if (latest != null && latest.process().alive() && latest.api().healthy()) {
            return latest;
        }
        if (latest != null) {
            latest.process().close();
        }
        return startService();
    }

    /**
     * Undoes what a test that failed half-way may have left broken, so the next test on a shared stack starts on a
     * working one: the link between services and broker restored, the broker and PostgreSQL running.
     */
    void repair() {
        if (postgres == null) {
            startPostgres();
        }
        if (serviceLink.isCut()) {
            serviceLink.restore();
        }
        if (!broker.running()) {
            broker.startAgain();
        }
    }

    /** @param arguments configuration of this instance, as command-line arguments */
    ServiceInstance startService(String arguments) {
        int port = FreePorts.pick();
        ServiceApi api = new ServiceApi(port);
        started++;
        // C1 only and the serial collector: a service that lives a minute or two spends less on compiling than it
        // would win, and GC threads would take CPU from the rest of the build; the bound is for that busy machine
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Settings(serviceJar(),
                "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", arguments, jdbcUrl, EmbeddedPostgresServer.USER,
                "", serviceBootstrap, port, ADMIN_PASSWORD), directory.resolve("service-" + started + ".log"), api,
                Duration.ofMinutes(6));
        services.add(process);
        latest = new ServiceInstance(process, api);
        return latest;
    }

    /** Stops PostgreSQL (fast shutdown: sessions are cut) and starts it again on the same port and data. */
    void restartPostgres(Duration down) {
        database.close();
        postgres.close();
        postgres = null; // until it is up again: repair() starts it if this start fails
        Sleep.millis(down.toMillis());
        startPostgres();
    }

    private void startPostgres() {
        postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), postgresPort, false);
        database = new Database(jdbcUrl, EmbeddedPostgresServer.USER, "");
    }

    /** The network between the services and the broker (the test's own clients connect directly). */
    TcpProxy serviceLink() {
        return serviceLink;
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        serviceLink.close();
        broker.close();
        database.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Path serviceJar() {
        String configured = System.getProperty("service.jar");
        Path jar = configured == null ? ServiceJar.find() : Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + "; build services/partner-service first");
        }
        return jar;
    }
}
