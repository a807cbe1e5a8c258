package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which round a target is checked on, and what the table shows of the others. */
class RoundsTest {

    @Test
    void aRateIsCheckedOnTheMedianRoundAndEveryRoundIsShown() {
        Rounds rounds = rounds(0.58, 0.86, 0.74);

        List<ScenarioRow> rows = rounds.concluded("burst", "%.2f× start", "≥ 0.8× start", times -> times >= 0.8, true);

        assertThat(rows).hasSize(4);
        assertThat(rows.subList(0, 3)).extracting(ScenarioRow::target).containsOnlyNulls();
        ScenarioRow median = rows.get(3);
        assertThat(median.title()).isEqualTo("burst: median of 3 rounds, round 3 (all: 0.58× start, 0.86× start, "
                + "0.74× start)");
        assertThat(median.checks()).isEqualTo(Map.of("round", 3));
        assertThat(median.met()).isFalse();
        assertThat(median.shortfall()).isEqualTo("0.74× start");
    }

    @Test
    void aLatencyIsCheckedOnTheMedianRoundCountingFromTheSlowest() {
        Rounds rounds = rounds(824, 274, 561);

        ScenarioRow median = rounds.concluded("paced", "p99 %.0f ms", "p99 < 300 ms", p99 -> p99 < 300, false).get(3);

        assertThat(median.checks()).isEqualTo(Map.of("round", 3));
        assertThat(median.shortfall()).isEqualTo("p99 561 ms");
    }

    @Test
    void ofAnEvenNumberOfRoundsTheWorseMiddleOneCounts() {
        assertThat(rounds(0.9, 0.7).concluded("burst", "%.2f×", "≥ 0.8×", times -> times >= 0.8, true).get(2).met())
                .isFalse();
        assertThat(rounds(200, 400).concluded("paced", "%.0f ms", "< 300 ms", p99 -> p99 < 300, false).get(2).met())
                .isFalse();
    }

    @Test
    void oneRoundCarriesItsTargetItself() {
        List<ScenarioRow> rows = rounds(0.85).concluded("burst", "%.2f×", "≥ 0.8×", times -> times >= 0.8, true);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("round 1");
            assertThat(row.met()).isTrue();
            assertThat(row.shortfall()).isNull();
        });
    }

    @Test
    void aRunWithoutTargetsChecksNone() {
        ScenarioRow median = rounds(0.5, 0.6, 0.7).concluded("burst", "%.2f×", null, times -> false, true).get(3);

        assertThat(median.target()).isNull();
        assertThat(median.met()).isNull();
    }

    private static Rounds rounds(double... figures) {
        Rounds rounds = new Rounds();
        for (int i = 0; i < figures.length; i++) {
            rounds.add(new ScenarioRow("B", "round " + (i + 1), null, null, "start", null, null, null,
                    Map.of("round", i + 1)), figures[i]);
        }
        return rounds;
    }
}
