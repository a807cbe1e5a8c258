package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.Map;

/** The program's codes with their Chinese and English names, as the rules name them (seed/partner-program). */
final class ProgramNames {

    private static final Map<PartnerType, String> TYPES = Map.of(
            PartnerType.ENTERPRISE, "企业版技术合作伙伴 Enterprise-edition technical partner",
            PartnerType.COMMUNITY, "社区版技术合作伙伴 Community-edition technical partner",
            PartnerType.EDUCATION, "教育合作伙伴 Education partner",
            PartnerType.BRAND, "品牌合作伙伴 Brand partner");
    private static final Map<PartnerLevel, String> LEVELS = Map.of(
            PartnerLevel.TRIAL, "试用 Trial",
            PartnerLevel.LEVEL_3, "三级 Level 3",
            PartnerLevel.LEVEL_2, "二级 Level 2",
            PartnerLevel.LEVEL_1, "一级 Level 1");

    private ProgramNames() {
    }

    /** For example {@code 企业版技术合作伙伴 Enterprise-edition technical partner (ENTERPRISE)}. */
    static String type(PartnerType type) {
        return type == null ? null : TYPES.get(type) + " (" + type.name() + ")";
    }

    /** For example {@code 试用 Trial (TRIAL)}; null for none. */
    static String level(PartnerLevel level) {
        return level == null ? null : LEVELS.get(level) + " (" + level.name() + ")";
    }

    static String level(String code) {
        return code == null ? null : level(PartnerLevel.valueOf(code));
    }
}
