package com.tencent.bk.partner.bench;

import com.tencent.bk.partner.infra.EmbeddedKafkaServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL and Kafka the service runs on: embedded ones started here (the same PostgreSQL binaries and
 * broker as {@code scripts/run-local}, in a fresh data directory), or the ones given by {@code BK_*} variables.
 */
final class Infrastructure implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String bootstrapServers;
    private final String description;
    private final AutoCloseable[] owned;
    private final Path dataDirectory;

    private Infrastructure(String serverUrl, String user, String password, String bootstrapServers, String description,
                           Path dataDirectory, AutoCloseable... owned) {
        this.dataDirectory = dataDirectory;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.description = description;
        this.owned = owned;
    }

    /**
     * A fresh PostgreSQL (fsync and synchronous commits on, as a production server runs, unless told otherwise;
     * commit timestamps on, so the bench sees when each effect committed) and a single-node KRaft broker.
     */
    static Infrastructure embedded(BenchOptions options) {
        Path data = options.workDir().resolve("postgres");
        deleteRecursively(data);
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(data);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (options.profile()) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            postgres = builder
                    .setDataDirectory(data).setCleanDataDirectory(false)
                    .setPort(options.postgresPort())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off; a later -c wins
                    .setServerConfig("fsync", options.durable() ? "on" : "off")
                    .setServerConfig("synchronous_commit", options.durable() ? "on" : "off")
                    .setServerConfig("track_commit_timestamp", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(options.kafkaPort());
        return new Infrastructure("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "",
                kafka.bootstrapServers(), "embedded PostgreSQL 17 (port " + postgres.getPort()
                + ", data " + data + ") and KRaft broker " + kafka.bootstrapServers(),
                data, kafka::close, postgres);
    }

    /** BK_DB_URL names the service's database; the bench's scratch databases live next to it. */
    static Infrastructure external() {
        String url = required("BK_DB_URL");
        String kafka = required("BK_KAFKA_BOOTSTRAP");
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new BenchOptions.UsageException("BK_DB_URL must look like jdbc:postgresql://host:port/database");
        }
        return new Infrastructure(url.substring(0, slash + 1), env("BK_DB_USER", "partner"), env("BK_DB_PASSWORD", ""),
                kafka, "external PostgreSQL " + url + " and Kafka " + kafka, null);
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    String database(String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return serverUrl + name;
    }

    /** The postmaster of the embedded PostgreSQL (0 when external or unknown), to account its CPU. */
    long postmasterPid() {
        if (dataDirectory == null) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("bench: could not stop " + resource + ": " + e.getMessage());
            }
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new BenchOptions.UsageException("--external needs " + name);
        }
        return value;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void deleteRecursively(Path directory) {
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
