package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Each measured record of a phase as one CSV line, in send order: when it was sent (ms after the phase's first
 * record), its latency and its event id. A percentile says how long the tail is; this says when it happened
 * (spread over the phase, or one stall that every record sent in it waited through).
 */
final class LatencyTimeline {

    private final Path directory;

    LatencyTimeline(Path directory) {
        this.directory = directory;
    }

    /** One measured record: its send and effect times (epoch ms). */
    record Point(String eventId, long sentMs, double effectMs) {
    }

    Path write(String phaseName, List<Point> points) {
        List<Point> inSendOrder = new ArrayList<>(points);
        inSendOrder.sort(Comparator.comparingLong(Point::sentMs));
        long first = inSendOrder.isEmpty() ? 0 : inSendOrder.get(0).sentMs();
        StringBuilder csv = new StringBuilder("sent_ms,latency_ms,event_id\n");
        for (Point point : inSendOrder) {
            csv.append(point.sentMs() - first).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", Math.max(0, point.effectMs() - point.sentMs()))).append(',')
                    .append(point.eventId()).append('\n');
        }
        Path file = directory.resolve(phaseName.replaceAll("[^A-Za-z0-9]+", "-") + ".csv");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
