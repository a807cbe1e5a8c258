package com.tencent.bk.partner.registry;

import java.util.Locale;

/**
 * A region is a short free text (a province, city or area such as {@code 广东}, {@code Shenzhen}, {@code 华南}),
 * not a fixed list: the program office has not fixed one, and the CRM's and the website's spellings are compared
 * after trimming, collapsing blanks and ignoring case. Two regions match only when equal after that.
 */
public final class Regions {

    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]{0,63}";
    public static final String MESSAGE = "must be a region name: 1-64 letters, digits, spaces or . _ / -";

    private Regions() {
    }

    /** The form a region is kept in (trimmed, single blanks); null for none. */
    public static String normalize(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return region.trim().replaceAll("\\s+", " ");
    }

    public static boolean match(String one, String other) {
        return one != null && other != null && normalize(one).toLowerCase(Locale.ROOT)
                .equals(normalize(other).toLowerCase(Locale.ROOT));
    }
}
