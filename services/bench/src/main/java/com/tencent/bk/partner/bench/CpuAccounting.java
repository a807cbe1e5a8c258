package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who used the machine's CPUs during a phase, from /proc: the service process, PostgreSQL (every process named
 * {@code postgres}), the bench itself (its JVM hosts the embedded Kafka broker and the producer), everything
 * else on the machine, and the hypervisor's steal. Shows whether a phase ran on a quiet machine and which
 * side was busy.
 */
final class CpuAccounting {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /**
     * Average cores used during the phase, by whom; {@code serviceThreads} and {@code benchThreads}: the busiest
     * threads of the service and of the bench's JVM (broker, producer, JIT compilers; by their Linux thread name,
     * 15 characters) in cores.
     */
    record Share(double service, double postgres, double bench, double other, double steal, double idle,
                 Map<String, Double> serviceThreads, Map<String, Double> benchThreads) {
        String describe() {
            return String.format("cores: service %.2f, PostgreSQL %.2f, bench+Kafka %.2f, other %.2f, steal %.2f, "
                    + "idle %.2f", service, postgres, bench, other, steal, idle);
        }

        String describeThreads() {
            return "service threads: " + listed(serviceThreads) + "; bench threads: " + listed(benchThreads);
        }

        private static String listed(Map<String, Double> threads) {
            return threads.isEmpty() ? "none seen" : threads.entrySet().stream()
                    .map(thread -> String.format("%s %.2f", thread.getKey(), thread.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    private static final long OWN_PID = ProcessHandle.current().pid();

    private record Snapshot(long nanos, long total, long idle, long steal, long service, Map<Long, Long> postgres,
                            long bench, Map<String, Long> threads, Map<String, Long> benchThreads) {
    }

    private final long servicePid;
    private final long postmasterPid;
    private Snapshot start;

    /** @param postmasterPid the bench's own PostgreSQL, or 0 to count every process named postgres */
    CpuAccounting(long servicePid, long postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    void start() {
        start = snapshot();
    }

    /** @return null where /proc is not readable */
    Share stop() {
        Snapshot end = snapshot();
        if (start == null || end.total() == 0) {
            return null;
        }
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double service = (end.service() - start.service()) / TICKS_PER_SECOND / seconds;
        // per process, so a backend that ended meanwhile does not subtract its whole life
        long postgresTicks = 0;
        for (Map.Entry<Long, Long> process : end.postgres().entrySet()) {
            postgresTicks += process.getValue() - start.postgres().getOrDefault(process.getKey(), 0L);
        }
        double postgres = postgresTicks / TICKS_PER_SECOND / seconds;
        double bench = (end.bench() - start.bench()) / TICKS_PER_SECOND / seconds;
        double busy = ((end.total() - end.idle() - end.steal()) - (start.total() - start.idle() - start.steal()))
                / TICKS_PER_SECOND / seconds;
        double steal = (end.steal() - start.steal()) / TICKS_PER_SECOND / seconds;
        double idle = (end.idle() - start.idle()) / TICKS_PER_SECOND / seconds;
        return new Share(service, postgres, bench, Math.max(0, busy - service - postgres - bench), steal, idle,
                busiest(start.threads(), end.threads(), seconds), busiest(start.benchThreads(), end.benchThreads(), seconds));
    }

    /** The six threads that used the most CPU between the two snapshots, in cores. */
    private static Map<String, Double> busiest(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> threads = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(thread -> Map.entry(thread.getKey(), thread.getValue() - before.getOrDefault(thread.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(thread -> threads.put(thread.getKey(), thread.getValue() / TICKS_PER_SECOND / seconds));
        return threads;
    }

    private Snapshot snapshot() {
        long total = 0;
        long idle = 0;
        long steal = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
            steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
        } catch (IOException | RuntimeException e) {
            return new Snapshot(System.nanoTime(), 0, 0, 0, 0, Map.of(), 0, Map.of(), Map.of());
        }
        Map<Long, Long> postgres = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> stat = stat(process);
                boolean ours = postmasterPid == 0 || stat != null && (stat.get(2).equals(Long.toString(postmasterPid))
                        || process.getFileName().toString().equals(Long.toString(postmasterPid)));
                if (stat != null && stat.get(0).equals("postgres") && ours) {
                    postgres.put(Long.parseLong(process.getFileName().toString()), ticks(stat));
                }
            }
        } catch (IOException e) {
            // leave 0
        }
        List<String> service = stat(Path.of("/proc", Long.toString(servicePid)));
        List<String> bench = stat(Path.of("/proc", Long.toString(OWN_PID)));
        return new Snapshot(System.nanoTime(), total, idle, steal, service == null ? 0 : ticks(service), postgres,
                bench == null ? 0 : ticks(bench), threads(servicePid), threads(OWN_PID));
    }

    /** CPU ticks of the process's threads, summed by thread name (GC and compiler threads share a prefix). */
    private static Map<String, Long> threads(long pid) {
        Map<String, Long> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                List<String> stat = stat(task);
                if (stat != null) {
                    String name = stat.get(0).replaceAll("#\\d+$", "#N").replaceAll("-\\d+-C-\\d+$", "-C");
                    threads.merge(name, ticks(stat), Long::sum);
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return threads;
    }

    /** comm, then the fields after it (state is index 1, utime 12, stime 13). */
    private static List<String> stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String comm = line.substring(open + 1, close);
            List<String> fields = new java.util.ArrayList<>();
            fields.add(comm);
            fields.addAll(List.of(line.substring(close + 2).trim().split("\\s+")));
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(List<String> stat) {
        return Long.parseLong(stat.get(12)) + Long.parseLong(stat.get(13));
    }
}
