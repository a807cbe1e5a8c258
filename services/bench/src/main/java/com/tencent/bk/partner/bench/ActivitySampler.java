package com.tencent.bk.partner.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A wall-clock view of a phase from PostgreSQL's side: every few milliseconds, what the service's database
 * sessions are doing ({@code pg_stat_activity}). "active" is PostgreSQL working (with its wait event, e.g.
 * {@code IO:WALSync} for a commit's flush), "idle in transaction" is the service working between two
 * statements of one transaction (Java code, or the round trip), and a sample with no session busy means the
 * service is outside any transaction (polling Kafka, committing offsets, waiting for records).
 */
final class ActivitySampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int samples;

    ActivitySampler(String jdbcUrl, String user, String password, String database) {
        thread = new Thread(() -> sample(jdbcUrl, user, password, database), "activity-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(String jdbcUrl, String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement statement = connection.prepareStatement("""
                     select state, coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
                     where datname = ? and backend_type = 'client backend' and pid <> pg_backend_pid()
                       and state <> 'idle'""")) {
            statement.setString(1, database);
            while (running.get()) {
                Map<String, Integer> sample = new HashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(1);
                        sample.merge(state.equals("active") ? "PostgreSQL working (" + rs.getString(2) + ")"
                                : state.startsWith("idle in transaction") ? "service working inside a transaction"
                                : state, 1, Integer::sum);
                    }
                }
                synchronized (counts) {
                    samples++;
                    if (sample.isEmpty()) {
                        counts.merge("no transaction open (Kafka poll/offset commit, outside the unit of work)", 1,
                                Integer::sum);
                    }
                    sample.forEach((key, value) -> counts.merge(key, value, Integer::sum));
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            Console.progress("activity sampling stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Share of samples per state; busy sessions of one sample are counted separately, so shares can pass 100 %. */
    Map<String, Double> shares() {
        synchronized (counts) {
            Map<String, Double> shares = new HashMap<>();
            counts.forEach((key, value) -> shares.put(key, 100.0 * value / Math.max(1, samples)));
            return shares;
        }
    }

    int samples() {
        synchronized (counts) {
            return samples;
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
