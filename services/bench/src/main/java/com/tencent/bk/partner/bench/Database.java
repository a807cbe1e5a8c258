package com.tencent.bk.partner.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads committed effects from the service's database, the way an auditor would: never writes to it.
 * With {@code track_commit_timestamp} on, an effect's time is the commit time of the transaction that wrote
 * the inbox row ({@code processed_event}), which holds the effect too; otherwise the row's
 * {@code processed_at}, written inside that transaction, a lower bound of its commit.
 */
public final class Database implements AutoCloseable {

    private final Connection connection;
    private final boolean commitTimestamps;

    public Database(String jdbcUrl, String user, String password) {
        try {
            this.connection = DriverManager.getConnection(jdbcUrl, user, password);
            this.commitTimestamps = "on".equals(setting("track_commit_timestamp"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    boolean commitTimestamps() {
        return commitTimestamps;
    }

    String effectTimeDefinition() {
        return commitTimestamps
                ? "commit time of the transaction that wrote the event's processed_event row (track_commit_timestamp)"
                : "processed_event.processed_at (set inside the event's transaction: a lower bound of its commit)";
    }

    synchronized String setting(String name) {
        try (PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            return "?";
        }
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : new String[] {"server_version", "synchronous_commit", "fsync", "shared_buffers",
                "max_connections", "track_commit_timestamp"}) {
            settings.put(name, setting(name));
        }
        return settings;
    }

    long processed(String source) {
        return count("select count(*) from program.processed_event where starts_with(event_id, ? || '/')", source);
    }

    /** Event id → effect time (epoch ms) of every event of this tag (see {@link CloudEvents}) the service applied. */
    synchronized Map<String, Double> effectTimes(String source) {
        String time = commitTimestamps ? "pg_xact_commit_timestamp(xmin)" : "processed_at";
        Map<String, Double> times = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select event_id, extract(epoch from "
                + time + ") * 1000 from program.processed_event where starts_with(event_id, ? || '/')")) {
            statement.setString(1, source);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getDouble(2));
                }
            }
            return times;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs a count query; a {@link Collection} parameter is passed as a text array (use {@code = any(?)}). */
    public synchronized long count(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Two-column query as a map of text to text. */
    public synchronized Map<String, String> map(String sql, Object... parameters) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Collection<?> values) {
                Array array = connection.createArrayOf("text", values.toArray());
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
