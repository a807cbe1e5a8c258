package com.tencent.bk.partner.bench;

import java.util.Arrays;

/** Percentiles (nearest rank) of a set of latencies. */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
