package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The smoke run of {@code scripts/bench}: the packaged {@code bench.jar} with {@code --smoke} (a few hundred events
 * through every scenario, no targets), as its own process, exactly as the script runs it. Any failed check of a
 * scenario makes it exit non-zero. A failsafe test rather than a build step, so that it runs side by side with the
 * fault tests.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndEveryCheckHolds() throws IOException, InterruptedException {
        Assumptions.assumeFalse(Boolean.getBoolean("skip.bench.smoke"), "-Dskip.bench.smoke");
        Path jar = Path.of("target", "bench.jar").toAbsolutePath();
        Path serviceJar = Path.of(System.getProperty("service.jar")); // set by failsafe (pom.xml)
        Path workDir = Path.of("target", "bench-smoke").toAbsolutePath();
        Path output = Path.of("target", "bench-smoke.log").toAbsolutePath();
        Files.createDirectories(workDir);
        Process bench = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--smoke", "--service-jar", serviceJar.toString(),
                "--work-dir", workDir.toString(),
                // every scenario and check at half the script's smoke size: the build runs beside it
                "--instances", "8", "--events", "100", "--backlog", "150",
                // C1 only: the smoke run checks that nothing is lost or applied twice, not how fast; the C2
                // compiler would take a third of a core from the rest of the build
                "--service-jvm-opts", "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"))
                .directory(Path.of("..", "..").toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = bench.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            // its service and PostgreSQL first: killed hard, the bench cannot stop them itself
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
        String printed = Files.readString(output);
        System.out.println(printed);
        assertThat(ended).as("the smoke run ended within 15 minutes; see " + output).isTrue();
        assertThat(bench.exitValue()).as("exit code of the smoke run; its output:%n%s", printed).isZero();
    }
}
