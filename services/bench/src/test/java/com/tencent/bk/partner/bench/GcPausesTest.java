package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pause lines of JDK 17's unified GC log, of G1 and of the serial and parallel collectors. */
class GcPausesTest {

    @TempDir
    Path directory;

    @Test
    void countsEveryStopTheWorldPauseAndTheLongOnes() throws IOException {
        Path gc = Files.writeString(directory.resolve("gc.log"), """
                [0.010s][info][gc] Using G1
                [25.867s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 46M->16M(380M) 120.201ms
                [156.673s][info][gc] GC(52) Pause Remark 123M->123M(241M) 113.883ms
                [156.700s][info][gc] GC(52) Concurrent Mark Cycle 312.004ms
                [669.318s][info][gc] GC(178) Pause Young (Normal) (G1 Evacuation Pause) 212M->111M(241M) 366.696ms
                [700.001s][info][gc] GC(180) Pause Full (G1 Compaction Pause) 300M->120M(384M) 250ms
                """);
        Path log = Files.writeString(directory.resolve("service.log"), "started\n");

        GcPauses pauses = GcPauses.read(gc, log);

        // the concurrent cycle runs beside the application: not a pause
        assertThat(pauses.collector()).isEqualTo("G1");
        assertThat(pauses.pauses()).isEqualTo(4);
        assertThat(pauses.longestMs()).isEqualTo(366.696);
        assertThat(pauses.over()).isEqualTo(2);
        assertThat(pauses.met()).isFalse();
    }

    @Test
    void anOutOfMemoryErrorFailsTheTargetEvenWithShortPauses() throws IOException {
        Path gc = Files.writeString(directory.resolve("gc.log"), """
                [0.006s][info][gc] Using Serial
                [3.100s][info][gc] GC(0) Pause Young (Allocation Failure) 80M->20M(300M) 5.123ms
                """);
        Path log = Files.writeString(directory.resolve("service.log"),
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n");

        GcPauses pauses = GcPauses.read(gc, log);

        assertThat(pauses.collector()).isEqualTo("Serial");
        assertThat(pauses.pauses()).isEqualTo(1);
        assertThat(pauses.over()).isZero();
        assertThat(pauses.outOfMemory()).isEqualTo(1);
        assertThat(pauses.met()).isFalse();
    }

    @Test
    void noLogMeansNoPauses() {
        GcPauses pauses = GcPauses.read(directory.resolve("missing.log"), directory.resolve("missing-too.log"));

        assertThat(pauses.pauses()).isZero();
        assertThat(pauses.met()).isTrue();
    }
}
