package com.tencent.bk.partner.bench;

/**
 * What one phase measured.
 *
 * @param records     records sent (re-sent duplicates included)
 * @param effects     distinct events of the measured source, each applied once
 * @param seconds     first record's timestamp to the last effect's commit
 * @param perSecond   effects / seconds
 * @param sendSeconds how long the producer took to hand over all records (shows it was not the bottleneck)
 * @param cpu         who used the CPUs meanwhile (null where /proc is unreadable)
 */
record PhaseResult(String name, long records, long effects, double seconds, double perSecond, double p50Ms,
                   double p99Ms, double maxMs, long peakLag, double offeredPerSecond, double sendSeconds,
                   CpuAccounting.Share cpu) {
}
