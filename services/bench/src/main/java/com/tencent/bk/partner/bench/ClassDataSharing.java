package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the service the way Spring Boot's class-data-sharing support does: from the executable jar's extracted
 * layout ({@code java -Djarmode=tools -jar … extract}), with a dynamic CDS archive of the classes a start loads
 * (JDK 17's {@code -XX:ArchiveClassesAtExit}; from JDK 25 an AOT cache instead, see {@link JavaRuntime}). The first start of a build of the jar trains the archive: it starts
 * the service once, waits until it is healthy and stops it, and the JVM writes the archive as it exits. Every
 * start maps it instead of loading and verifying those classes again (about 40 % less startup here). A build
 * starts the service a dozen times (simulation, fault tests, bench) from forks running side by side: extraction
 * and training happen under a file lock, so the others wait for the archive rather than start without it. A
 * training that fails leaves a marker, and later starts run without an archive.
 */
final class ClassDataSharing {

    /** What a start runs: the jar to launch and the JVM options it adds. */
    record Launch(Path jar, List<String> jvmOptions) {
    }

    /** Starts the service from {@code jar} with {@code jvmOptions}, waits until it is healthy, and stops it. */
    interface Training {
        void run(Path jar, List<String> jvmOptions) throws IOException, InterruptedException;
    }

    private ClassDataSharing() {
    }

    /** {@code -Dbench.cds=false} starts from the executable jar as before, without any archive. */
    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("bench.cds", "true"));
    }

    static Launch prepare(Path executableJar, JavaRuntime java, Training training) throws InterruptedException {
        if (!enabled() || !Files.isRegularFile(executableJar)) {
            return new Launch(executableJar, List.of());
        }
        Path directory = layoutDirectory(executableJar);
        synchronized (ClassDataSharing.class) {
            try (FileChannel channel = FileChannel.open(directory.resolveSibling(directory.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Path jar = directory.resolve(executableJar.getFileName());
                if (!Files.isRegularFile(jar)) {
                    extract(executableJar, directory, java);
                }
                return withArchive(jar, directory, java, training);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the service's class-data archive", e);
            }
        }
    }

    /** The extracted layout and its archive if both are there already, else the executable jar as it is. */
    static Launch ifReady(Path executableJar, JavaRuntime java) {
        if (!enabled() || !Files.isRegularFile(executableJar)) {
            return new Launch(executableJar, List.of());
        }
        Path directory = layoutDirectory(executableJar);
        Path jar = directory.resolve(executableJar.getFileName());
        Path archive = directory.resolve(java.archiveName()); // moved into place whole, once written
        return Files.isRegularFile(jar) && Files.isRegularFile(archive) ? new Launch(jar, java.startOptions(archive))
                : new Launch(executableJar, List.of());
    }

    /** One directory per build of the jar: a rebuilt jar gets a fresh layout and a fresh archive. */
    private static Path layoutDirectory(Path executableJar) {
        try {
            String build = Long.toHexString(Files.getLastModifiedTime(executableJar).toMillis())
                    + "-" + Long.toHexString(Files.size(executableJar));
            Path directory = executableJar.resolveSibling("cds").resolve(build);
            Files.createDirectories(directory.getParent());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void extract(Path executableJar, Path directory, JavaRuntime java) throws IOException {
        Path staging = Files.createTempDirectory(directory.getParent(), "extracting-");
        Process extraction = new ProcessBuilder(java.executable(),
                "-Djarmode=tools", "-jar", executableJar.toString(), "extract", "--force", "--destination",
                staging.toString())
                .redirectErrorStream(true).redirectOutput(staging.resolveSibling("extract.log").toFile()).start();
        try {
            if (!extraction.waitFor(2, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
                extraction.destroyForcibly();
                throw new IOException("extracting " + executableJar + " failed; see "
                        + staging.resolveSibling("extract.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + executableJar, e);
        }
        Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Launch withArchive(Path jar, Path directory, JavaRuntime java, Training training)
            throws IOException, InterruptedException {
        Path archive = directory.resolve(java.archiveName());
        Path tried = directory.resolve(java.archiveName() + ".tried");
        if (!Files.isRegularFile(archive) && !Files.exists(tried)) {
            Files.createFile(tried);
            Path written = directory.resolve(java.archiveName() + ".part");
            try {
                training.run(jar, java.trainingOptions(written));
            } catch (RuntimeException failed) {
                // the real start that follows reports what is wrong with the service; it just runs without archive
            }
            if (Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return Files.isRegularFile(archive) ? new Launch(jar, java.startOptions(archive))
                : new Launch(jar, List.of());
    }
}
