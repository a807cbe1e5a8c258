package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's stop-the-world GC pauses, from the unified GC log the bench asks its JVM to write
 * ({@code -Xlog:gc}: one line per pause, e.g. {@code Pause Young (Normal) (G1 Evacuation Pause) 90M->31M(384M)
 * 12.345ms}, any collector), and whether it ran out of memory (its log).
 *
 * @param pauses       stop-the-world pauses logged
 * @param longestMs    the longest of them
 * @param totalMs      all of them together
 * @param over         pauses longer than {@link #TARGET_MS}
 * @param outOfMemory  lines of the service's log that name an {@code OutOfMemoryError}
 */
record GcPauses(String collector, int pauses, double longestMs, double totalMs, int over, long outOfMemory) {

    static final double TARGET_MS = 200;

    private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final Pattern COLLECTOR = Pattern.compile("Using (\\S+)\\s*$");

    /**
     * The JVM option that writes the pause log to {@code file} (one file, no rotation), with each collection's
     * CPU times ({@code gc+cpu}: {@code User=… Sys=… Real=…}): a pause whose real time far exceeds its CPU time
     * was the GC threads waiting for a core, not the collector working.
     */
    static String jvmOption(Path file) {
        return "-Xlog:gc,gc+cpu:file=" + file + ":uptime,level,tags:filecount=0";
    }

    static GcPauses read(Path gcLog, Path serviceLog) {
        String collector = "?";
        int pauses = 0;
        int over = 0;
        double longest = 0;
        double total = 0;
        for (String line : lines(gcLog)) {
            Matcher using = COLLECTOR.matcher(line);
            if (collector.equals("?") && using.find()) {
                collector = using.group(1);
            }
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                double ms = Double.parseDouble(pause.group(1));
                pauses++;
                total += ms;
                longest = Math.max(longest, ms);
                if (ms > TARGET_MS) {
                    over++;
                }
            }
        }
        long outOfMemory = lines(serviceLog).stream().filter(line -> line.contains("OutOfMemoryError")).count();
        return new GcPauses(collector, pauses, longest, total, over, outOfMemory);
    }

    @JsonProperty("met")
    boolean met() {
        return over == 0 && outOfMemory == 0;
    }

    String describe() {
        return String.format("%s, %,d pauses, longest %.0f ms, %d over %.0f ms, %.1f s in all; OutOfMemoryError: %d",
                collector, pauses, longestMs, over, TARGET_MS, totalMs / 1000, outOfMemory);
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
