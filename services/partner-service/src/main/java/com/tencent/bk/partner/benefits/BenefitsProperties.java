package com.tencent.bk.partner.benefits;

import com.tencent.bk.partner.registry.PartnerType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The benefits of the program rules ("Benefits"). Still read from {@code partner.onboarding}, where they were
 * configured when only {@code bk.partner.activated} carried them.
 *
 * @param commonBenefits benefits of every partner
 * @param benefits       benefits exclusive to a type
 */
@ConfigurationProperties("partner.onboarding")
record BenefitsProperties(List<String> commonBenefits, Map<PartnerType, List<String>> benefits) {

    BenefitsProperties {
        commonBenefits = commonBenefits == null ? List.of() : List.copyOf(commonBenefits);
        benefits = benefits == null ? Map.of() : Map.copyOf(benefits);
    }

    List<String> benefitsOf(PartnerType type) {
        return Stream.concat(commonBenefits.stream(), benefits.getOrDefault(type, List.of()).stream()).toList();
    }
}
