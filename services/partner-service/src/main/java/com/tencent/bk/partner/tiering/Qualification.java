package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;

/**
 * The result of checking a company's headcount against its type.
 *
 * @param level       for ENTERPRISE the highest level met, or TRIAL when none is; null for other types
 * @param required    the minimums of {@code level} (of the type, for other types)
 * @param ruleVersion the version of the DMN decision that produced it
 */
public record Qualification(PartnerType type, PartnerLevel level, boolean qualified, Headcount headcount,
                            Minimums required, String ruleVersion) {

    /** A readable summary for reviewers, Chinese with English. */
    public String summary() {
        String verdict = qualified
                ? "符合资质 Qualifies" + (level == null ? "" : " (" + level + ")")
                : "认证人数不足 Headcount short" + (level == null ? "" : " of " + level);
        return verdict + " — 自动化服务认证 automation (service) " + headcount.automationService() + "/"
                + required.automationService() + ", 自动化认证 automation (any) " + headcount.automationUsage() + "/"
                + required.automationUsage() + ", 开发认证 development " + headcount.development() + "/"
                + required.development() + " [rules " + ruleVersion + "]";
    }
}
