package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bench measures the service as its image runs it: the same JVM options and environment as the Dockerfile. */
class ImageOptionsTest {

    private static final Path DOCKERFILE = Path.of("..", "partner-service", "Dockerfile");

    @Test
    void theBenchStartsTheServiceWithTheImagesJvmOptionsAndEnvironment() throws IOException {
        // the Dockerfile's line continuations joined, as Docker reads them (blanks after the backslash, CRLF too)
        String dockerfile = Files.readString(DOCKERFILE).replaceAll("\\\\[ \t]*\r?\n", "");

        assertThat(envValue(dockerfile, "JAVA_OPTS")).isEqualTo(BenchOptions.SERVICE_JVM_OPTIONS);
        assertThat("MALLOC_ARENA_MAX=" + envValue(dockerfile, "MALLOC_ARENA_MAX"))
                .isEqualTo(BenchOptions.SERVICE_ENVIRONMENT);
    }

    private static String envValue(String dockerfile, String name) {
        Matcher matcher = Pattern.compile("(?m)^ENV .*?\\b" + name + "=(\"[^\"]*\"|\\S+)").matcher(dockerfile);
        assertThat(matcher.find()).as("ENV %s in %s", name, DOCKERFILE).isTrue();
        return matcher.group(1).replace("\"", "");
    }
}
