package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the run happened on, as {@code nproc}, {@code free -g} and /proc/cpuinfo tell it. */
record Machine(int cpus, String cpuModel, double memoryGib, String os, String java, String loadAverage) {

    static Machine describe() {
        String model = "?";
        double memory = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0).findFirst().orElse(0.0);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: leave unknown
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), currentLoadAverage());
    }

    static String currentLoadAverage() {
        try {
            List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"));
            return String.join(" ", parts.subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String summary() {
        return String.format("%d CPUs (%s), %.1f GiB RAM, %s, %s", cpus, cpuModel, memoryGib, os, java);
    }
}
