package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile}'s CPU profile: a process started with {@link Profiler#jvmOptions} writes a recording at its exit
 * whose summary has a sample per millisecond of CPU (JFR's sampler, the fallback, takes one per 10-20 ms) and names
 * the method the time went to, inclusive.
 */
class ProfilerTest {

    @TempDir
    Path directory;

    @Test
    void aSecondOfCpuGivesHundredsOfSamplesNamingWhereTheyWent() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(Profiler.jvmOptions(directory).split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Spin.class.getName()));
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("spin.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("spin.log"))).isZero();
        Instant end = Instant.now();

        JfrSummary.write(directory.resolve("service.jfr"), List.of(new JfrSummary.Window("spin", start, end)), directory);

        String summary = Files.readString(directory.resolve("spin-cpu.txt"));
        Matcher samples = Pattern.compile("(\\d+) CPU samples").matcher(summary);
        assertThat(samples.find()).as(summary).isTrue();
        assertThat(Integer.parseInt(samples.group(1))).as("samples of a second of CPU").isGreaterThan(300);
        assertThat(summary).containsPattern("\\d+  com\\.tencent\\.bk\\.partner\\.bench\\.ProfilerTest\\$Spin\\.burn");
    }

    /** Runs a second of CPU on its main thread. */
    static final class Spin {

        public static void main(String[] args) {
            long sink = 0;
            long until = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + 1_000_000_000L;
            while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < until) {
                sink += burn(sink);
            }
            System.out.println(sink);
        }

        static long burn(long seed) {
            long value = seed;
            for (int i = 0; i < 10_000; i++) {
                value = value * 31 + Long.toString(value).hashCode();
            }
            return value;
        }
    }
}
