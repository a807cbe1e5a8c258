package com.tencent.bk.partner.startup;

import java.util.Arrays;
import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start in AOT mode with a profile that adds beans. Ahead-of-time processing decided the beans when
 * the jar was built, without any profile, so such a profile would silently add nothing. Profiles that only bring
 * properties ({@code local}'s settings, an operator's own) work as always.
 */
@Component
class ProfilesFixedAtBuild {

    /** The profiles some bean depends on ({@code @Profile}). */
    static final List<String> BEAN_PROFILES = List.of("simulation");

    ProfilesFixedAtBuild(Environment environment) {
        check(environment, AotDetector.useGeneratedArtifacts());
    }

    static void check(Environment environment, boolean aotMode) {
        if (!aotMode) {
            return;
        }
        List<String> refused = Arrays.stream(environment.getActiveProfiles()).filter(BEAN_PROFILES::contains).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Profile " + refused + " adds beans, but this service runs on the beans "
                    + "fixed when its jar was built (spring.aot.enabled=true): start it without that option "
                    + "(BK_SPRING_AOT=false in the image)");
        }
    }
}
