package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.registry.PartnerType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param commonBenefits benefits of every partner (program rules, "Benefits")
 * @param benefits       benefits exclusive to a type
 */
@ConfigurationProperties("partner.onboarding")
record OnboardingProperties(List<String> commonBenefits,
                            Map<PartnerType, List<String>> benefits) {

    OnboardingProperties {
        commonBenefits = commonBenefits == null ? List.of() : List.copyOf(commonBenefits);
        benefits = benefits == null ? Map.of() : Map.copyOf(benefits);
    }

    List<String> benefitsOf(PartnerType type) {
        return java.util.stream.Stream.concat(commonBenefits.stream(), benefits.getOrDefault(type, List.of()).stream())
                .toList();
    }
}
