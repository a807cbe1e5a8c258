package com.tencent.bk.partner.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One measurement taken in several rounds, each against the baselines taken just before it. A 500-event burst
 * lasts about a second and a baseline loop half of one, and on these machines such a second's rate moves by a fifth
 * between runs of the same code: the target is checked on the median round, and every round is shown.
 */
final class Rounds {

    private final List<ScenarioRow> rows = new ArrayList<>();
    private final List<Double> figures = new ArrayList<>();

    /** @param figure what the target is about: a ratio to the round's baseline, or a latency */
    void add(ScenarioRow row, double figure) {
        rows.add(row);
        figures.add(figure);
    }

    /**
     * The rounds' rows, then, with more than one round, a row for the median round carrying the target (with one
     * round, that round's row carries it). Of an even number of rounds, the median is the worse middle one.
     *
     * @param target         null when the run checks no targets
     * @param higherIsBetter whether a higher figure is the better one (a rate) or the worse one (a latency)
     */
    List<ScenarioRow> concluded(String title, String figureFormat, String target, DoublePredicate meets,
                                boolean higherIsBetter) {
        Comparator<Integer> worseFirst = Comparator.comparingDouble(figures::get);
        List<Integer> order = IntStream.range(0, rows.size()).boxed()
                .sorted(higherIsBetter ? worseFirst : worseFirst.reversed()).toList();
        int median = order.get((rows.size() - 1) / 2);
        ScenarioRow round = rows.get(median);
        Boolean met = target == null ? null : meets.test(figures.get(median));
        String shortfall = met == null || met ? null : String.format(figureFormat, figures.get(median));
        if (rows.size() == 1) {
            return List.of(withTarget(round, round.title(), target, met, shortfall));
        }
        String all = figures.stream().map(figure -> String.format(figureFormat, figure))
                .collect(Collectors.joining(", "));
        List<ScenarioRow> concluded = new ArrayList<>(rows);
        concluded.add(withTarget(round, String.format("%s: median of %d rounds, round %d (all: %s)", title,
                rows.size(), median + 1, all), target, met, shortfall));
        return concluded;
    }

    private static ScenarioRow withTarget(ScenarioRow row, String title, String target, Boolean met, String shortfall) {
        return new ScenarioRow(row.id(), title, row.result(), row.baseline(), row.engineOperation(), target, met,
                shortfall, row.checks());
    }

    /** What a round's phase and events are named after: nothing when there is one round. */
    static String suffix(int round, int rounds) {
        return rounds == 1 ? "" : " " + round;
    }

    /** What a round's events are tagged with (their source): nothing when there is one round. */
    static String tagSuffix(int round, int rounds) {
        return rounds == 1 ? "" : "-" + round;
    }

    static String titleSuffix(int round, int rounds) {
        return rounds == 1 ? "" : String.format(", round %d of %d", round, rounds);
    }
}
