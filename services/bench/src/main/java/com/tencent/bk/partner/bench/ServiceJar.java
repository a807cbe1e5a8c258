package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the service's executable jar in the working tree (built by {@code scripts/bench}). */
public final class ServiceJar {

    private ServiceJar() {
    }

    public static Path find() {
        Path target = Path.of("services", "partner-service", "target").toAbsolutePath();
        if (!Files.isDirectory(target)) {
            return target.resolve("partner-service-exec.jar");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("partner-service-.*-exec\\.jar"))
                    .findFirst().orElse(target.resolve("partner-service-exec.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
