package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import one.profiler.AsyncProfilerLoader;

/**
 * {@code --profile}: where the time of each phase goes on the database side. Resets
 * {@code pg_stat_statements} before a phase and writes its statements by total execution time after it to
 * {@code <work-dir>/profile/<phase>.txt}. (The service's own CPU profile is a recording by async-profiler, see
 * {@link #jvmOptions}.)
 */
final class Profiler {

    private final Path directory;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    Profiler(Path directory, String jdbcUrl, String user, String password) {
        this.directory = directory;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        execute("create extension if not exists pg_stat_statements");
    }

    /**
     * JVM options that make the service record a CPU profile of the whole run, written as a JFR file at its exit:
     * async-profiler's, sampling every thread that runs on a CPU every millisecond (JFR's own sampler took 33
     * samples of a 1.5 s B3 burst, a few threads per 20 ms, too few to tell one engine read from another).
     * JFR's sampler where async-profiler has no library for the platform.
     */
    static String jvmOptions(Path directory) {
        Path recording = directory.resolve("service.jfr");
        try {
            Files.createDirectories(directory);
            if (AsyncProfilerLoader.isSupported()) {
                return "-agentpath:" + AsyncProfilerLoader.getAsyncProfilerPath()
                        + "=start,event=cpu,interval=1ms,jfr,file=" + recording;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Console.progress("--profile: no async-profiler for this platform, JFR's sampler instead");
        return "-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true";
    }

    private final List<JfrSummary.Window> windows = new ArrayList<>();
    private java.time.Instant phaseStart;
    private ActivitySampler activity;

    void before(String phase) {
        execute("select pg_stat_statements_reset()");
        phaseStart = java.time.Instant.now();
        activity = new ActivitySampler(jdbcUrl, user, password, jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
    }

    /** After the measured service stopped (JFR writes its recording at exit): CPU summaries per phase. */
    void summarizeRecording() {
        Path recording = directory.resolve("service.jfr");
        if (Files.isRegularFile(recording)) {
            JfrSummary.write(recording, windows, directory);
        }
    }

    void after(String phase) {
        windows.add(new JfrSummary.Window(phase, phaseStart, java.time.Instant.now()));
        activity.close();
        List<String> lines = new ArrayList<>();
        lines.add("Wall clock, sampled from pg_stat_activity every ~5 ms (" + activity.samples() + " samples):");
        activity.shares().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(share -> lines.add(String.format("  %5.1f%%  %s", share.getValue(), share.getKey())));
        lines.add("");
        lines.add("Statements by total execution time (pg_stat_statements):");
        lines.add(String.format("%10s %10s %8s %10s  %s", "calls", "total ms", "mean ms", "rows", "statement"));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                     from pg_stat_statements order by total_exec_time desc limit 25""")) {
            while (rs.next()) {
                String query = rs.getString(5);
                lines.add(String.format("%,10d %,10.0f %8.3f %,10d  %s", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getLong(4), query.length() > 220 ? query.substring(0, 220) + "…" : query));
            }
            Path file = directory.resolve(phase.replaceAll("[^A-Za-z0-9-]+", "-") + ".txt");
            Files.write(file, lines);
            Console.progress("profile: " + file);
        } catch (SQLException | IOException e) {
            Console.progress("profile of " + phase + " not written: " + e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
