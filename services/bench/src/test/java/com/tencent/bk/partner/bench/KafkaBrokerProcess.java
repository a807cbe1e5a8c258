package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in its own JVM, with its log directory on disk, so it can be stopped, killed and
 * started again with its topics, offsets and committed consumer positions intact — as a real broker restarts.
 * Runs {@code kafka_2.13} from this module's classpath: {@code StorageTool format} once, then {@code kafka.Kafka}.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path config;
    /** Formatted into the log directory; a broker that answers with another id is someone else's. */
    private final String clusterId = Uuid.randomUuid().toString();
    private Process process;
    private int generation;

    private KafkaBrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
        this.config = directory.resolve("server.properties");
    }

    /**
     * @param servicePort    a second listener, for the service, advertised as {@code serviceAdvertisedPort}:
     *                       a {@link TcpProxy} there lets the test cut the service off the broker
     */
    static KafkaBrokerProcess start(Path directory, int port, int controllerPort, int servicePort,
                                    int serviceAdvertisedPort) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port);
        broker.configure(controllerPort, servicePort, serviceAdvertisedPort);
        broker.run("kafka.tools.StorageTool", "format", "-t", broker.clusterId, "-c", broker.config.toString(),
                "--ignore-formatted").awaitExit("format");
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker on its existing log directory and waits until it answers. */
    void startAgain() {
        generation++;
        process = run("kafka.Kafka", config.toString()).process;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos(); // a bound for a busy machine
        while (!answers()) { // its own cluster id: never another broker on the port
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not come up; see " + log());
            }
            Sleep.millis(200);
        }
    }

    /** Whether the broker's process runs (it may still be starting). */
    boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM and wait, as an operator restarts a broker. */
    void stop() {
        process.destroy();
        awaitExit(process, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(30));
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
        } catch (IOException e) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
            // this broker, not whatever else listens on the port (the port was free when picked)
            return clusterId.equals(admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS));
        } catch (Exception e) {
            return false;
        }
    }

    private void configure(int controllerPort, int servicePort, int serviceAdvertisedPort) {
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        server.put("listeners", "PLAINTEXT://localhost:" + port + ",SERVICE://localhost:" + servicePort
                + ",CONTROLLER://localhost:" + controllerPort);
        server.put("advertised.listeners", "PLAINTEXT://localhost:" + port + ",SERVICE://localhost:"
                + serviceAdvertisedPort);
        server.put("controller.listener.names", "CONTROLLER");
        server.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SERVICE:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.put("inter.broker.listener.name", "PLAINTEXT");
        server.put("log.dirs", directory.resolve("logs").toString());
        server.put("num.partitions", "3");
        server.put("auto.create.topics.enable", "true");
        server.put("offsets.topic.replication.factor", "1");
        server.put("offsets.topic.num.partitions", "1");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("group.initial.rebalance.delay.ms", "0");
        server.put("controlled.shutdown.enable", "false");
        try {
            Files.createDirectories(directory);
            try (var out = Files.newBufferedWriter(config)) {
                server.store(out, "fault-test broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log() {
        return directory.resolve("broker-" + generation + ".log");
    }

    private Launched run(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        try {
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-broker"));
            return new Launched(started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass, e);
        }
    }

    private record Launched(Process process) {
        void awaitExit(String what) {
            KafkaBrokerProcess.awaitExit(process, Duration.ofSeconds(60));
            if (process.exitValue() != 0) {
                throw new IllegalStateException("broker " + what + " exited with " + process.exitValue());
            }
        }
    }

    private static void awaitExit(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
