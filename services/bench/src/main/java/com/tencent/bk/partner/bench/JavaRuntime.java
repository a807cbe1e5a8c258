package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java the service (and the startup baseline) runs on: the bench's own unless {@code --service-java} names
 * another. From JDK 25 on a start is sped up by an AOT cache (JEP 483/514: classes loaded and linked, method
 * profiles) instead of JDK 17's dynamic CDS archive; both are written by a training start that stops cleanly.
 */
record JavaRuntime(Path home, int feature) {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)");

    static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** A Java home, its version from its {@code release} file. */
    static JavaRuntime of(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                Matcher version = VERSION.matcher(line);
                if (version.find()) {
                    return new JavaRuntime(home.toAbsolutePath(), Integer.parseInt(version.group(1)));
                }
            }
        } catch (IOException e) {
            throw new BenchOptions.UsageException("--service-java: no Java home at " + home + " (" + e.getMessage() + ")");
        }
        throw new BenchOptions.UsageException("--service-java: no JAVA_VERSION in " + home.resolve("release"));
    }

    String executable() {
        return home.resolve("bin").resolve("java").toString();
    }

    private boolean aotCache() {
        return feature >= 25;
    }

    /** One archive per Java version: an archive of another JVM is refused by it anyway. */
    String archiveName() {
        return aotCache() ? "service-jdk" + feature + ".aot" : "service.jsa";
    }

    List<String> trainingOptions(Path archive) {
        return List.of(aotCache() ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
    }

    List<String> startOptions(Path archive) {
        return List.of(aotCache() ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
    }

    String describe() {
        return "Java " + feature + " (" + home + ")";
    }
}
