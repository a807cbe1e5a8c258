package com.tencent.bk.partner.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The random sample of an audit: the population in partnerId order, shuffled by a generator seeded with the
 * recorded seed. The same seed over the same population draws the same sample.
 */
final class AuditDraw {

    private AuditDraw() {
    }

    static List<String> sample(List<String> population, long seed, int size) {
        List<String> shuffled = new ArrayList<>(population);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }
}
