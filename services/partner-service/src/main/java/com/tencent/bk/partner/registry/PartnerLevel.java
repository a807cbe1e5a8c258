package com.tencent.bk.partner.registry;

import java.util.List;

/** Levels of an enterprise partner, low to high. */
public enum PartnerLevel {
    TRIAL, LEVEL_3, LEVEL_2, LEVEL_1;

    /** Highest first: the order in which qualification is tried. */
    public static final List<PartnerLevel> HIGHEST_FIRST = List.of(LEVEL_1, LEVEL_2, LEVEL_3, TRIAL);
}
