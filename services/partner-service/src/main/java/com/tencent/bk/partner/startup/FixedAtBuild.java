package com.tencent.bk.partner.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start on the ahead-of-time bean definitions with a setting they cannot honour. Those definitions were
 * decided when the jar was built (no profile, {@code application.yml}'s settings), so a profile that adds beans or a
 * switch that turns an auto-configuration on or off would otherwise be ignored without a word: a node told not to
 * run jobs would run them, webapps switched off would still answer. Runs before any bean (an environment
 * post-processor), so nothing is migrated or deployed first; the message names {@code BK_SPRING_AOT=false}.
 */
public class FixedAtBuild implements EnvironmentPostProcessor {

    /** The profiles some bean depends on ({@code @Profile}). */
    static final List<String> BEAN_PROFILES = List.of("simulation");

    /**
     * Settings behind a condition of the generated context, with the value it was built with ({@code null}: unset).
     * A value that only configures a bean (URLs, sizes, levels) is read at start and is not listed.
     */
    static final Map<String, String> SWITCHES = Map.ofEntries(
            Map.entry("camunda.bpm.job-execution.enabled", "true"),
            Map.entry("camunda.bpm.webapp.enabled", "true"),
            Map.entry("camunda.bpm.enabled", "true"),
            Map.entry("spring.flyway.enabled", "true"),
            Map.entry("springdoc.api-docs.enabled", "true"),
            Map.entry("springdoc.swagger-ui.enabled", "true"),
            Map.entry("spring.kafka.producer.transaction-id-prefix", ""),
            Map.entry("management.server.port", ""),
            Map.entry("server.forward-headers-strategy", ""));
    /** Read at start whatever the definitions: BK_API_DOCS=false closes the paths in the security rules instead. */
    private static final List<String> HONOURED_AT_START = List.of("springdoc.api-docs.enabled",
            "springdoc.swagger-ui.enabled");
    /** forward-headers-strategy values that need no bean of their own. */
    private static final List<String> HEADER_STRATEGIES_AT_START = List.of("", "none", "native");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment, AotDetector.useGeneratedArtifacts());
    }

    static void check(Environment environment, boolean aotMode) {
        if (!aotMode) {
            return;
        }
        List<String> refused = new ArrayList<>();
        Arrays.stream(environment.getActiveProfiles()).filter(BEAN_PROFILES::contains)
                .forEach(profile -> refused.add("profile '" + profile + "'"));
        SWITCHES.forEach((name, built) -> {
            String now = Objects.requireNonNullElse(environment.getProperty(name), built).trim().toLowerCase();
            boolean honoured = HONOURED_AT_START.contains(name)
                    || name.equals("server.forward-headers-strategy") && HEADER_STRATEGIES_AT_START.contains(now);
            if (!honoured && !now.equals(built)) {
                refused.add(name + "=" + now);
            }
        });
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused.stream().sorted().toList() + " would change which beans exist, "
                    + "but this service runs on the beans fixed when its jar was built (spring.aot.enabled=true): "
                    + "start it without that option (BK_SPRING_AOT=false in the image)");
        }
    }
}
