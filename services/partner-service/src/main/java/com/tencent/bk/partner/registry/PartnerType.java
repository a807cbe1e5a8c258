package com.tencent.bk.partner.registry;

/** Partner types of the program rules. Only ENTERPRISE partners have a level. */
public enum PartnerType {
    ENTERPRISE, COMMUNITY, EDUCATION, BRAND
}
