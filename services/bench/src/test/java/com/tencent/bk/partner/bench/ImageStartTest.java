package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entry point ({@code services/partner-service/docker/start.sh}) picks the class cache of the JVM it
 * runs on and writes it on the first start only. Run with a stand-in {@code java} that prints what it was given.
 */
class ImageStartTest {

    private static final Path START = Path.of("..", "partner-service", "docker", "start.sh").toAbsolutePath();

    @TempDir
    Path app;
    private Path bin;

    @BeforeEach
    void standInJava() throws IOException {
        bin = Files.createDirectories(app.resolve("bin"));
        Path java = bin.resolve("java");
        // answers the entry point's question for the version like a Java 21 would, and prints any other call
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-XshowSettings:properties" ]; then
                  echo '    java.specification.version = 21' >&2
                  exit 0
                fi
                echo "$@"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(app.resolve("cds"));
    }

    @Test
    void java25WritesItsAheadOfTimeCacheOnTheFirstStartAndMapsItLater() throws Exception {
        assertThat(start("jdk-25.0.1+8")).isEqualTo("-Xmx384m -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="
                + app.resolve("cds/service.aot") + " -jar " + app.resolve("partner-service.jar") + " --debug");

        Files.writeString(app.resolve("cds/service.aot"), "cache");
        assertThat(start("jdk-25.0.1+8")).contains("-XX:AOTCache=" + app.resolve("cds/service.aot") + " ");
    }

    @Test
    void java17UsesAClassDataSharingArchive() throws Exception {
        assertThat(start("jdk-17.0.15+6")).contains("-XX:ArchiveClassesAtExit=" + app.resolve("cds/service.jsa") + " ");

        Files.writeString(app.resolve("cds/service.jsa"), "archive");
        assertThat(start("jdk-17.0.15+6")).contains("-XX:SharedArchiveFile=" + app.resolve("cds/service.jsa") + " ");
    }

    @Test
    void anEmptyCacheLeftByAnInterruptedStopIsWrittenAgain() throws Exception {
        Files.createFile(app.resolve("cds/service.aot"));
        assertThat(start("jdk-25")).contains("-XX:AOTCacheOutput=");
    }

    @Test
    void withoutTemurinsVersionVariableTheJvmIsAsked() throws Exception {
        assertThat(start(null)).contains("-XX:ArchiveClassesAtExit=" + app.resolve("cds/service.jsa") + " ");
    }

    private String start(String javaVersion) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", START.toString(), "--debug")).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("APP_HOME", app.toString());
        env.put("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        env.remove("JAVA_VERSION");
        if (javaVersion != null) {
            env.put("JAVA_VERSION", javaVersion);
        }
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(printed).isZero();
        return printed;
    }
}
