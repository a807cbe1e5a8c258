package com.tencent.bk.partner.bench;

/** A baseline loop: how many operations, how fast, and the latency of one. */
record BaselineResult(String name, long operations, double seconds, double perSecond, double p50Ms, double p99Ms) {

    static BaselineResult of(String name, double[] latenciesMs, double seconds) {
        Latencies latencies = new Latencies(latenciesMs);
        return new BaselineResult(name, latenciesMs.length, seconds, latenciesMs.length / seconds,
                latencies.percentile(50), latencies.percentile(99));
    }
}
