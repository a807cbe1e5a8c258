package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A phase's per-record latencies, written so that one can see when its tail happened. */
class LatencyTimelineTest {

    @Test
    void recordsAreWrittenInSendOrderFromTheFirstSendWithTheirLatency(@TempDir Path directory) throws Exception {
        LatencyTimeline timeline = new LatencyTimeline(directory.resolve("latencies"));

        Path file = timeline.write("B2 paced 2", List.of(
                new LatencyTimeline.Point("e-2", 1_000_010, 1_000_410.5),
                new LatencyTimeline.Point("e-1", 1_000_000, 1_000_120.0),
                new LatencyTimeline.Point("e-3", 1_000_020, 1_000_015.0)));

        assertThat(file.getFileName()).hasToString("B2-paced-2.csv");
        assertThat(Files.readAllLines(file)).containsExactly(
                "sent_ms,latency_ms,event_id",
                "0,120.0,e-1",
                "10,400.5,e-2",
                "20,0.0,e-3"); // an effect time a little before the send (two clocks) counts as no latency
    }
}
