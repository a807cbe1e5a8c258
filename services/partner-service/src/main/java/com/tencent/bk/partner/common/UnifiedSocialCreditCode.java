package com.tencent.bk.partner.common;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that identifies a company
 * and serves as its {@code partnerId}.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check);
    }

    /** Appends the check character to a 17-character prefix (used by tests and demo data). */
    public static String withCheckCharacter(String prefix) {
        if (prefix.length() != 17) {
            throw new IllegalArgumentException("prefix must have 17 characters");
        }
        for (char candidate : ALPHABET.toCharArray()) {
            if (isValid(prefix + candidate)) {
                return prefix + candidate;
            }
        }
        throw new IllegalArgumentException("prefix contains characters outside the code alphabet: " + prefix);
    }
}
