package com.tencent.bk.partner.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from binaries shipped in a Maven artifact (no Docker, no install).
 * With a data directory the cluster survives restarts; without one it lives in a temporary folder.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster keeps its files; {@code null} for a throw-away cluster
     * @param port          the TCP port; 0 picks a free one ({@link FreePorts})
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * @param stopWithJvm false when the caller stops the server itself, e.g. only after the application that
     *                    uses it has closed (the JVM runs shutdown hooks in parallel)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean stopWithJvm) {
        if (port > 0) {
            return startOn(dataDirectory, port, stopWithJvm);
        }
        // never the library's own choice of a free port: it frees the port it found before PostgreSQL binds it, in
        // the range where the kernel hands out ports to every other process too (FreePorts). A port picked here can
        // still be taken before PostgreSQL binds it; then the next one is tried.
        IllegalStateException taken = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOn(dataDirectory, FreePorts.pick(), stopWithJvm);
            } catch (PortTakenException e) {
                taken = e;
            }
        }
        throw taken;
    }

    private static EmbeddedPostgresServer startOn(Path dataDirectory, int port, boolean stopWithJvm) {
        // the library counts a server as started once something on its port answers a query; this name says
        // whether that something is the server it started, or another one that had the port first
        String clusterName = "embedded-" + UUID.randomUUID();
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("cluster_name", clusterName)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopWithJvm)
                    .setPort(port);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        if (!clusterName.equals(clusterNameOn(postgres))) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException alreadyGone) {
                // it could not bind its port and has exited
            }
            throw new PortTakenException("port " + port + " is served by another PostgreSQL");
        }
        log.info("Embedded PostgreSQL listening on port {} (data: {})", postgres.getPort(),
                dataDirectory == null ? "temporary" : dataDirectory);
        return new EmbeddedPostgresServer(postgres);
    }

    private static String clusterNameOn(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show cluster_name")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL on port " + postgres.getPort() + " does not answer", e);
        }
    }

    /** Another process listened on the port by the time PostgreSQL tried to bind it. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return jdbcUrl(database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
