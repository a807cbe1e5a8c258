package com.tencent.bk.partner.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends a phase's records, shows progress while the service works through them, and measures: effects per
 * second, latency from each record's timestamp to its committed effect, and the peak consumer lag.
 */
final class PhaseRunner {

    private static final List<String> INBOUND = List.of(CloudEvents.CERTIFICATIONS, CloudEvents.PAYMENTS);

    private final EventSender sender;
    private final Database database;
    private final LagMonitor lag;
    private final Duration stallTimeout;
    private final Profiler profiler;
    private final CpuAccounting cpu;
    private final LatencyTimeline timeline;

    /**
     * @param profiler null unless {@code --profile}
     * @param timeline where each phase's per-record latencies go; null for none
     */
    PhaseRunner(EventSender sender, Database database, LagMonitor lag, Duration stallTimeout, Profiler profiler,
                CpuAccounting cpu, LatencyTimeline timeline) {
        this.cpu = cpu;
        this.timeline = timeline;
        this.sender = sender;
        this.database = database;
        this.lag = lag;
        this.stallTimeout = stallTimeout;
        this.profiler = profiler;
    }

    PhaseResult run(Phase phase) {
        if (profiler != null) {
            profiler.before(phase.name());
        }
        PhaseResult result = send(phase);
        if (profiler != null) {
            profiler.after(phase.name());
        }
        return result;
    }

    private PhaseResult send(Phase phase) {
        long expected = phase.expectedEffects();
        List<PlannedEvent> events = phase.events();
        cpu.start();
        long sendStart = System.nanoTime();
        CompletableFuture<long[]> sending = CompletableFuture.supplyAsync(() -> sender.send(events, phase.perSecond()));
        long peakLag = 0;
        long applied = 0;
        long currentLag = -1;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        long appliedAtLastPrint = 0;
        double sendSeconds = Double.NaN;
        while (true) {
            Sleep.millis(250);
            long lagNow = lag.lag(INBOUND);
            peakLag = Math.max(peakLag, lagNow);
            // counting the applied events scans the service's inbox table (130,000 rows by B5: 13-21 ms of
            // PostgreSQL per count, a tenth of its work in a B2 or B3 burst when counted every 0.5 s). The rates
            // come from the commit times read afterwards, so count only for the progress line (every 2 s) and
            // once the service has consumed everything sent
            boolean consumedAll = sending.isDone() && lagNow == 0;
            boolean printNow = System.nanoTime() - lastPrint >= 2_000_000_000L;
            long appliedNow = consumedAll || printNow ? database.processed(phase.source()) : applied;
            if (appliedNow != applied || lagNow != currentLag) {
                lastChange = System.nanoTime();
            }
            applied = appliedNow;
            currentLag = lagNow;
            if (sending.isDone() && Double.isNaN(sendSeconds)) {
                sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            }
            long now = System.nanoTime();
            if (printNow) {
                double rate = (applied - appliedAtLastPrint) / ((now - lastPrint) / 1e9);
                Console.progress(String.format("%-22s sent %,9d/%,d  applied %,9d/%,d  %,8.0f/s  lag %,d",
                        phase.name(), sender.sentSoFar(), events.size(), applied, expected, rate, lagNow));
                lastPrint = now;
                appliedAtLastPrint = applied;
            }
            if (sending.isDone() && applied >= expected && lagNow == 0) {
                break;
            }
            if (now - lastChange > stallTimeout.toNanos()) {
                throw new IllegalStateException(String.format("%s stalled: %,d of %,d events applied, lag %,d, "
                        + "nothing moved for %s", phase.name(), applied, expected, lagNow, stallTimeout));
            }
        }
        CpuAccounting.Share share = cpu.stop();
        return measure(phase, join(sending), expected, peakLag, sendSeconds, share);
    }

    private PhaseResult measure(Phase phase, long[] timestamps, long expected, long peakLag, double sendSeconds,
                                CpuAccounting.Share share) {
        Map<String, Double> effects = database.effectTimes(phase.source());
        Map<String, Long> firstSent = new HashMap<>();
        long firstTimestamp = Long.MAX_VALUE;
        for (int i = 0; i < timestamps.length; i++) {
            PlannedEvent event = phase.events().get(i);
            if (event.source().equals(phase.source())) {
                firstSent.putIfAbsent(event.eventId(), timestamps[i]);
                firstTimestamp = Math.min(firstTimestamp, timestamps[i]);
            }
        }
        double[] latencies = new double[firstSent.size()];
        List<LatencyTimeline.Point> points = new ArrayList<>(firstSent.size());
        double lastEffect = 0;
        int n = 0;
        for (Map.Entry<String, Long> sent : firstSent.entrySet()) {
            Double effect = effects.get(sent.getKey());
            if (effect == null) {
                throw new IllegalStateException(phase.name() + ": no effect for event " + sent.getKey());
            }
            latencies[n++] = Math.max(0, effect - sent.getValue());
            points.add(new LatencyTimeline.Point(sent.getKey(), sent.getValue(), effect));
            lastEffect = Math.max(lastEffect, effect);
        }
        if (timeline != null) {
            timeline.write(phase.name(), points);
        }
        Latencies percentiles = new Latencies(latencies);
        double seconds = (lastEffect - firstTimestamp) / 1000.0;
        return new PhaseResult(phase.name(), timestamps.length, expected, seconds, expected / seconds,
                percentiles.percentile(50), percentiles.percentile(99), percentiles.max(), peakLag, phase.perSecond(),
                sendSeconds, share);
    }

    private static long[] join(CompletableFuture<long[]> sending) {
        try {
            return sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
