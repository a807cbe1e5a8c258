package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Files.writeString(app.resolve("partner-service.jar"), "the application");
    }

    @Test
    void java25WritesItsAheadOfTimeCacheOnTheFirstStartAndMapsItLater() throws Exception {
        String first = start("jdk-25.0.1+8");
        assertThat(first).matches("-Xmx384m -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput=" + Pattern.quote(
                app.resolve("cds").toString()) + "/service-25-[0-9]+\\.aot -Dspring.aot.enabled=true -jar " + Pattern.quote(
                app.resolve("partner-service.jar").toString()) + " --debug");

        Files.writeString(cacheIn(first), "cache");
        assertThat(start("jdk-25.0.1+8")).contains("-XX:AOTCache=" + cacheIn(first) + " ");
    }

    @Test
    void java17UsesAClassDataSharingArchive() throws Exception {
        String first = start("jdk-17.0.15+6");
        assertThat(first).containsPattern("-XX:ArchiveClassesAtExit=\\S+/cds/service-17-[0-9]+\\.jsa ");

        Files.writeString(cacheIn(first), "archive");
        assertThat(start("jdk-17.0.15+6")).contains("-XX:SharedArchiveFile=" + cacheIn(first) + " ");
    }

    @Test
    void anotherApplicationJarWritesItsOwnCacheAndTheOldOneGoes() throws Exception {
        Path old = cacheIn(start("jdk-17.0.15+6"));
        Files.writeString(old, "archive of the previous image");

        Files.writeString(app.resolve("partner-service.jar"), "the next version");
        String next = start("jdk-17.0.15+6");
        assertThat(next).contains("-XX:ArchiveClassesAtExit=");
        assertThat(cacheIn(next)).isNotEqualTo(old);
        assertThat(old).doesNotExist();
    }

    @Test
    void anEmptyCacheLeftByAnInterruptedStopIsWrittenAgain() throws Exception {
        Files.createFile(cacheIn(start("jdk-25")));
        assertThat(start("jdk-25")).contains("-XX:AOTCacheOutput=");
    }

    @Test
    void withoutTemurinsVersionVariableTheJvmIsAsked() throws Exception {
        assertThat(start(null)).containsPattern("-XX:ArchiveClassesAtExit=\\S+/cds/service-21-[0-9]+\\.jsa ");
    }

    @Test
    void theServiceRunsOnItsAheadOfTimeBeanDefinitionsUnlessTurnedOff() throws Exception {
        assertThat(start("jdk-17.0.15+6")).contains(" -Dspring.aot.enabled=true -jar ");
        assertThat(start("jdk-17.0.15+6", Map.of("BK_SPRING_AOT", "false"))).contains(" -Dspring.aot.enabled=false -jar ")
                .doesNotContain("spring.aot.enabled=true");
    }

    /** The cache a start named, written or mapped. */
    private static Path cacheIn(String printed) {
        Matcher option = Pattern.compile("-XX:[A-Za-z]+=(\\S+/cds/\\S+)").matcher(printed);
        assertThat(option.find()).as(printed).isTrue();
        return Path.of(option.group(1));
    }

    private String start(String javaVersion) throws IOException, InterruptedException {
        return start(javaVersion, Map.of());
    }

    private String start(String javaVersion, Map<String, String> more) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", START.toString(), "--debug")).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("APP_HOME", app.toString());
        env.put("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        env.remove("JAVA_VERSION");
        env.remove("BK_SPRING_AOT");
        env.putAll(more);
        if (javaVersion != null) {
            env.put("JAVA_VERSION", javaVersion);
        }
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(printed).isZero();
        return printed;
    }
}
