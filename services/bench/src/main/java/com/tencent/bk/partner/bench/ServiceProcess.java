package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The partner service as its own operating-system process, started from its executable jar with the
 * {@code local} profile (its demo users drive the HTTP side) and the {@code BK_*} variables of production, on its
 * class-data archive and its ahead-of-time bean definitions unless told otherwise, as its image starts it.
 * Knows how long it took to become healthy and samples its resident memory.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final RssSampler rss;
    private final double startupSeconds;

    private ServiceProcess(Process process, Path log, double startupSeconds) {
        this.process = process;
        this.log = log;
        this.startupSeconds = startupSeconds;
        this.rss = new RssSampler(process.pid());
    }

    /**
     * @param environment      variables added to the process's ({@code MALLOC_ARENA_MAX}, …)
     * @param classDataSharing false starts from the executable jar as it is, as a default application starts
     * @param aheadOfTime      runs on the bean definitions Spring AOT generated when the jar was built
     *                         ({@code -Dspring.aot.enabled=true}), as the service's image does; only for a jar
     *                         built so, and without a profile that adds beans (the simulation's)
     */
    public record Settings(Path jar, String jvmOptions, String arguments, String jdbcUrl, String user, String password,
                    String bootstrap, int httpPort, String adminPassword, Map<String, String> environment,
                    boolean classDataSharing, JavaRuntime java, boolean aheadOfTime) {

        /** The service as its image starts it: with its class-data archive and its ahead-of-time bean definitions. */
        public Settings(Path jar, String jvmOptions, String arguments, String jdbcUrl, String user, String password,
                        String bootstrap, int httpPort, String adminPassword) {
            this(jar, jvmOptions, arguments, jdbcUrl, user, password, bootstrap, httpPort, adminPassword, Map.of(),
                    true, JavaRuntime.current(), true);
        }

        Settings withJvmOptions(String options) {
            return new Settings(jar, options, arguments, jdbcUrl, user, password, bootstrap, httpPort, adminPassword,
                    environment, classDataSharing, java, aheadOfTime);
        }

        Settings withDatabase(String url) {
            return new Settings(jar, jvmOptions, arguments, url, user, password, bootstrap, httpPort, adminPassword,
                    environment, classDataSharing, java, aheadOfTime);
        }

        /** Without the ahead-of-time bean definitions: Spring reads the configuration classes at every start. */
        public Settings withoutAheadOfTime() {
            return new Settings(jar, jvmOptions, arguments, jdbcUrl, user, password, bootstrap, httpPort, adminPassword,
                    environment, classDataSharing, java, false);
        }

        /**
         * Another application started alike: its own jar, no service arguments, with or without an archive, and
         * without ahead-of-time bean definitions (an application generated as it comes has none).
         */
        Settings forApplication(Path otherJar, boolean withClassDataSharing) {
            return new Settings(otherJar, jvmOptions, "", jdbcUrl, user, password, bootstrap, httpPort, adminPassword,
                    environment, withClassDataSharing, java, false);
        }
    }

    public static ServiceProcess start(Settings settings, Path log, ServiceApi api, Duration timeout) {
        return start(settings, log, api, timeout, true);
    }

    /**
     * Starts with the class-data archive if another start already trained it, and without it otherwise: never
     * waits for a training nor trains. For a caller whose start is on the build's longest path (the simulation),
     * while the fault tests beside it train the archive.
     */
    public static ServiceProcess startWithoutWaiting(Settings settings, Path log, ServiceApi api, Duration timeout) {
        return start(settings, log, api, timeout, false);
    }

    private static ServiceProcess start(Settings settings, Path log, ServiceApi api, Duration timeout,
                                        boolean waitForArchive) {
        try {
            Files.createDirectories(log.getParent());
            ClassDataSharing.Launch launch = !settings.classDataSharing()
                    ? new ClassDataSharing.Launch(settings.jar(), List.of())
                    : waitForArchive
                    ? ClassDataSharing.prepare(settings.jar(), settings.java(), training(settings, log, api, timeout))
                    : ClassDataSharing.ifReady(settings.jar(), settings.java());
            long started = System.nanoTime();
            Process process = launch(settings, launch.jar(), launch.jvmOptions(), log, api, timeout);
            return new ServiceProcess(process, log, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the service", e);
        }
    }

    /**
     * Trains the class-data archive of the service's jar now, on the given settings' database, unless it exists:
     * the bench does it on a scratch database so that its measured first start still meets a fresh schema.
     */
    public static void trainClassDataSharing(Settings settings, Path log, ServiceApi api, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            ClassDataSharing.prepare(settings.jar(), settings.java(), training(settings, log, api, timeout));
        } catch (IOException e) {
            throw new UncheckedIOException("could not train the class-data archive", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the class-data archive", e);
        }
    }

    /** A start, healthy, a clean stop: the JVM writes the archive as it exits. */
    private static ClassDataSharing.Training training(Settings settings, Path log, ServiceApi api, Duration timeout) {
        return (jar, archiveOptions) -> {
            Process trainer = launch(settings, jar, archiveOptions, log.resolveSibling(log.getFileName()
                    + ".cds-training"), api, timeout);
            trainer.destroy();
            if (!trainer.waitFor(2, TimeUnit.MINUTES)) {
                trainer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        };
    }

    /** Starts the process and waits until it answers healthy; a process that dies or is late is an error. */
    private static Process launch(Settings settings, Path jar, List<String> extraJvmOptions, Path log, ServiceApi api,
                                  Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(settings.java().executable());
        if (!settings.jvmOptions().isBlank()) {
            command.addAll(List.of(settings.jvmOptions().trim().split("\\s+")));
        }
        command.addAll(extraJvmOptions);
        if (settings.aheadOfTime()) {
            command.add("-Dspring.aot.enabled=true");
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local"));
        if (!settings.arguments().isBlank()) {
            command.addAll(List.of(settings.arguments().trim().split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("BK_DB_URL", settings.jdbcUrl());
        env.put("BK_DB_USER", settings.user());
        env.put("BK_DB_PASSWORD", settings.password());
        env.put("BK_KAFKA_BOOTSTRAP", settings.bootstrap());
        env.put("BK_HTTP_PORT", Integer.toString(settings.httpPort()));
        env.put("BK_ADMIN_PASSWORD", settings.adminPassword());
        env.putAll(settings.environment());
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = builder.start();
        // Ctrl-C on the bench must not leave the service running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-service"));
        while (!api.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue()
                        + " before it was up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("the service was not up after " + timeout + "; see " + log);
            }
            Sleep.millis(100);
        }
        return process;
    }

    public double startupSeconds() {
        return startupSeconds;
    }

    /** The kernel's high-water mark of the process's resident set (VmHWM), in MiB. */
    double peakRssMib() {
        return Math.max(rss.peakMib(), ProcStatus.kib(process.pid(), "VmHWM") / 1024.0);
    }

    double currentRssMib() {
        return ProcStatus.kib(process.pid(), "VmRSS") / 1024.0;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, as a machine dies: no shutdown hooks, no last offset commit, no goodbye to the broker. */
    public void kill() {
        rss.close();
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops it; waits for the clean shutdown. */
    @Override
    public void close() {
        rss.close();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Samples VmRSS every 200 ms as a cross-check of VmHWM. */
    private static final class RssSampler implements AutoCloseable {
        private final Thread thread;
        private volatile double peakMib;
        private volatile boolean running = true;

        RssSampler(long pid) {
            thread = new Thread(() -> {
                while (running) {
                    peakMib = Math.max(peakMib, ProcStatus.kib(pid, "VmRSS") / 1024.0);
                    Sleep.millis(200);
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double peakMib() {
            return peakMib;
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
