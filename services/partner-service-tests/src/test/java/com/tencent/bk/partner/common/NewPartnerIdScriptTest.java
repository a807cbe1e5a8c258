package com.tencent.bk.partner.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/new-partner-id}, which the README's walkthrough uses, prints codes the service accepts as a
 * {@code partnerId}: run as a person would, each line is checked with the class the API validates with.
 */
class NewPartnerIdScriptTest {

    private static final Path SCRIPT = Path.of("..", "..", "scripts", "new-partner-id").toAbsolutePath().normalize();

    private record Run(int exitCode, List<String> stdout, String stderr) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Run(process.exitValue(), stdout.lines().toList(), stderr);
    }

    @Test
    void fiftyCodesAreValidAndDistinct() throws Exception {
        Run run = run("50");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).hasSize(50).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(UnifiedSocialCreditCode.isValid(code)).as(code).isTrue());
    }

    @Test
    void withoutArgumentsItPrintsOneValidCode() throws Exception {
        Run run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).singleElement()
                .satisfies(code -> assertThat(UnifiedSocialCreditCode.isValid(code)).as(code).isTrue());
    }

    @Test
    void theExampleInItsHelpIsValidAndABadCountIsRefused() throws Exception {
        Run help = run("--help");
        Run bad = run("x");

        assertThat(help.exitCode()).isZero();
        String example = help.stdout().stream().filter(line -> line.contains("e.g."))
                .map(line -> line.substring(line.indexOf("e.g.") + 5).trim()).findFirst().orElseThrow();
        assertThat(UnifiedSocialCreditCode.isValid(example)).as(example).isTrue();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("COUNT must be a positive whole number");
        assertThat(bad.stdout()).isEmpty();
    }
}
