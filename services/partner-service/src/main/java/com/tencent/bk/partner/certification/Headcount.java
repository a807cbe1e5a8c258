package com.tencent.bk.partner.certification;

/**
 * Certified engineers of a company on a given day.
 *
 * @param automationService engineers with a valid SERVICE-level automation certificate
 * @param automationUsage   engineers with a valid automation certificate of either level
 * @param development       engineers with a valid development certificate
 */
public record Headcount(int automationService, int automationUsage, int development) {

    public static final Headcount NONE = new Headcount(0, 0, 0);
}
