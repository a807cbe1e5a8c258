package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's time went during each phase, from its recording (async-profiler's, or JFR's where there is
 * no async-profiler; both write JFR files): CPU samples ({@code jdk.ExecutionSample}: a thread on a CPU, its Java,
 * native and kernel frames) and, from JFR only, native samples ({@code jdk.NativeMethodSample},
 * threads blocked in native code such as a socket read waiting for PostgreSQL or Kafka), by thread, by
 * component (inclusive: the sample's stack passes through it) and by top frame.
 */
final class JfrSummary {

    record Window(String phase, Instant start, Instant end) {
    }

    /** Inclusive markers: a sample counts for a component when any frame's class starts with one of these. */
    private static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("Camunda engine command", List.of("org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl"));
        COMPONENTS.put("engine: history events", List.of("org.camunda.bpm.engine.impl.history"));
        COMPONENTS.put("engine: MyBatis mapping", List.of("org.apache.ibatis"));
        COMPONENTS.put("engine: flush (DbEntityManager)", List.of("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"));
        COMPONENTS.put("PostgreSQL JDBC driver", List.of("org.postgresql"));
        COMPONENTS.put("Hikari pool", List.of("com.zaxxer.hikari"));
        COMPONENTS.put("Kafka client", List.of("org.apache.kafka"));
        COMPONENTS.put("Spring transaction", List.of("org.springframework.transaction"));
        COMPONENTS.put("Jackson", List.of("com.fasterxml.jackson"));
        COMPONENTS.put("project code", List.of("com.tencent.bk.partner"));
        COMPONENTS.put("HTTP (Tomcat)", List.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat"));
        COMPONENTS.put("logging", List.of("ch.qos.logback", "org.slf4j"));
    }

    private JfrSummary() {
    }

    static void write(Path recording, List<Window> windows, Path directory) {
        Map<String, List<RecordedEvent>> byPhase = new LinkedHashMap<>();
        windows.forEach(window -> byPhase.put(window.phase(), new ArrayList<>()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Window window : windows) {
                    if (!at.isBefore(window.start()) && at.isBefore(window.end())) {
                        byPhase.get(window.phase()).add(event);
                    }
                }
            }
            for (Window window : windows) {
                List<String> lines = summarize(window, byPhase.get(window.phase()));
                Path out = directory.resolve(window.phase().replaceAll("[^A-Za-z0-9-]+", "-") + "-cpu.txt");
                Files.write(out, lines);
            }
            Console.progress("profile: CPU summaries per phase in " + directory + " (*-cpu.txt), recording " + recording);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + recording, e);
        }
    }

    private static List<String> summarize(Window window, List<RecordedEvent> events) {
        List<String> lines = new ArrayList<>();
        List<RecordedEvent> cpu = events.stream().filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        List<RecordedEvent> blocked = events.stream().filter(e -> e.getEventType().getName().equals("jdk.NativeMethodSample")).toList();
        double seconds = (window.end().toEpochMilli() - window.start().toEpochMilli()) / 1000.0;
        lines.add(String.format("%s: %.1f s, %d CPU samples (async-profiler: one per millisecond a thread ran on a CPU;"
                        + " JFR's sampler: one per running thread per ~10-20 ms), %d native samples (JFR only)",
                window.phase(), seconds, cpu.size(), blocked.size()));
        lines.add("");
        lines.add("CPU samples by thread:");
        top(count(cpu, JfrSummary::thread), cpu.size(), 8).forEach(lines::add);
        lines.add("");
        lines.add("CPU samples by component (inclusive; a sample can count for several):");
        Map<String, Integer> components = new LinkedHashMap<>();
        for (RecordedEvent event : cpu) {
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                if (passesThrough(event, component.getValue())) {
                    components.merge(component.getKey(), 1, Integer::sum);
                }
            }
        }
        top(components, cpu.size(), 20).forEach(lines::add);
        lines.add("");
        lines.add("CPU samples by top frame (self time):");
        top(count(cpu, JfrSummary::topFrame), cpu.size(), 25).forEach(lines::add);
        lines.add("");
        lines.add("CPU samples by first project frame (which project code the time is spent under):");
        top(count(cpu, JfrSummary::projectFrame), cpu.size(), 15).forEach(lines::add);
        lines.add("");
        lines.add("CPU samples by method of the project or the engine, inclusive (a sample counts once for each method on"
                + " its stack: where a read of the database or a step is called from):");
        top(inclusiveMethods(cpu), cpu.size(), 80).forEach(lines::add);
        lines.add("");
        lines.add("Native samples (blocked in native code: socket reads = waiting for PostgreSQL/Kafka) by thread and frame:");
        top(count(blocked, event -> thread(event) + "  " + topFrame(event) + "  ← " + callerOutside(event)),
                blocked.size(), 20).forEach(lines::add);
        return lines;
    }

    private static Map<String, Integer> inclusiveMethods(List<RecordedEvent> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (RecordedEvent sample : samples) {
            if (sample.getStackTrace() == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : sample.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if ((type.startsWith("com.tencent.bk.partner") || type.startsWith("org.camunda.bpm.engine.impl"))
                        && !type.contains("$$")) {
                    String method = type + "." + frame.getMethod().getName();
                    if (seen.add(method)) {
                        counts.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static boolean passesThrough(RecordedEvent event, List<String> prefixes) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String thread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : thread.getJavaName();
        return name == null ? "?" : name.replaceAll("-\\d+$", "-N");
    }

    private static String topFrame(RecordedEvent event) {
        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
            return "?";
        }
        RecordedFrame frame = event.getStackTrace().getFrames().get(0);
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String projectFrame(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "(none)";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("com.tencent.bk.partner")) {
                return type.substring("com.tencent.bk.partner.".length()) + "." + frame.getMethod().getName();
            }
        }
        return "(no project frame)";
    }

    /** The first frame below the JDK/driver internals, to tell a JDBC read from a Kafka read. */
    private static String callerOutside(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "?";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.postgresql")) {
                return "PostgreSQL JDBC";
            }
            if (type.startsWith("org.apache.kafka")) {
                return "Kafka client";
            }
            if (type.startsWith("org.apache.tomcat") || type.startsWith("org.apache.coyote")) {
                return "Tomcat";
            }
        }
        return "other";
    }

    private static Map<String, Integer> count(List<RecordedEvent> events, java.util.function.Function<RecordedEvent, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        events.forEach(event -> counts.merge(key.apply(event), 1, Integer::sum));
        return counts;
    }

    private static List<String> top(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(entry -> String.format("  %5.1f%%  %6d  %s", 100.0 * entry.getValue() / Math.max(1, total),
                        entry.getValue(), entry.getKey()))
                .toList();
    }
}
