package com.tencent.bk.partner.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid, unique unified social credit codes (GB 32100-2015, check character as in docs/contracts.md): a random
 * run tag keeps runs against one database apart, a counter keeps companies of one run apart.
 */
public final class PartnerIds {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Run tags given out in this JVM. */
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    PartnerIds() {
        String tag;
        do {
            StringBuilder random = new StringBuilder("9135");
            for (int i = 0; i < 3; i++) {
                random.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
            }
            tag = random.toString();
        } while (!TAKEN.add(tag)); // fault tests sharing a stack run several of these in one JVM
        this.prefix = tag;
    }

    String next() {
        long n = counter.getAndIncrement();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            digits.append(ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        return withCheckCharacter(prefix + digits.reverse());
    }

    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
