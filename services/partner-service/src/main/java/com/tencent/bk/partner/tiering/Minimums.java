package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;

/** The headcount a type (and level) requires. */
public record Minimums(int automationService, int automationUsage, int development) {

    public boolean metBy(Headcount headcount) {
        return headcount.automationService() >= automationService
                && headcount.automationUsage() >= automationUsage
                && headcount.development() >= development;
    }
}
