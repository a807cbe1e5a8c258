package com.tencent.bk.partner.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many of everything one run uses.
 *
 * @param instances waiting onboarding instances (B2) and at-minimum partners (B3) for each of burst and paced, in
 *                  each round
 * @param rounds    how many times B1, B2 and B3 run, each against the baselines taken just before it
 * @param warmUp    payments and revocations sent before the measured runs
 */
record Sizes(int registryOnlyEvents, int instances, int rounds, int warmUp, int stormPartners, int stormEvents,
             int backlog, int commitRows, int camundaInstances, int commitRowsBetween, int camundaInstancesBetween) {

    static Sizes of(BenchOptions options) {
        boolean smoke = options.smoke();
        return new Sizes(options.events(), options.instances(), options.rounds(),
                smoke ? 2 : Math.min(100, options.instances() / 5 + 1),
                smoke ? 3 : 5,
                Math.max(60, options.events() / 4), options.backlog(), smoke ? 300 : 5_000, smoke ? 100 : 1_000,
                smoke ? 100 : 2_000, smoke ? 50 : 300);
    }

    /** What B2 or B3 uses in all its rounds: a burst and a paced run each. */
    int measuredInstances() {
        return 2 * instances * rounds;
    }

    int enterprises() {
        return measuredInstances() + warmUp;
    }

    /** B3's partners (warm-up, burst, paced), then the storm's. */
    int communities() {
        return measuredInstances() + warmUp + stormPartners;
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("B1 burst events", registryOnlyEvents);
        map.put("B1 paced events", Math.max(1, registryOnlyEvents / 2));
        map.put("B2/B3 instances per run", instances);
        map.put("B1/B2/B3 rounds", rounds);
        map.put("warm-up instances", warmUp);
        map.put("B4 backlog", backlog);
        map.put("B5 storm events", stormEvents);
        map.put("B5 storm partners", stormPartners);
        map.put("commit baseline rows (start, end)", commitRows);
        map.put("Camunda baseline instances (start, end)", camundaInstances);
        map.put("commit baseline rows (before each scenario)", commitRowsBetween);
        map.put("Camunda baseline instances (before each scenario)", camundaInstancesBetween);
        return map;
    }
}
