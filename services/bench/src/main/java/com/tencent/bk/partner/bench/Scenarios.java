package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B1–B5: each scenario's records, the measured run, and the checks that its effects are all there exactly
 * once. A failed check is a broken run (the smoke run's exit code), a missed target is a finding.
 */
final class Scenarios {

    private static final List<String> DEAD_LETTERS = List.of(CloudEvents.CERTIFICATIONS + ".DLT",
            CloudEvents.PAYMENTS + ".DLT");

    private final PhaseRunner runner;
    private final Workloads workloads;
    private final Database database;
    private final ServiceApi api;
    private final LagMonitor lag;
    private final boolean targets;
    private final java.util.function.Function<String, BaselineSnapshot> baselines;
    private final List<String> failedChecks = new ArrayList<>();
    private BaselineSnapshot baseline;

    /** @param baselines takes the baselines before a scenario (by its id) */
    Scenarios(PhaseRunner runner, Workloads workloads, Database database, ServiceApi api, LagMonitor lag,
              boolean targets, java.util.function.Function<String, BaselineSnapshot> baselines) {
        this.baselines = baselines;
        this.runner = runner;
        this.workloads = workloads;
        this.database = database;
        this.api = api;
        this.lag = lag;
        this.targets = targets;
    }

    List<String> failedChecks() {
        return failedChecks;
    }

    /** The B1 burst must apply at least this many events per single-row commit of the plain baseline. */
    static final double B1_BURST_TIMES_COMMIT = 4;
    /** The B3 burst must open shortfalls at least this fast, relative to the plain-API process start. */
    static final double B3_BURST_TIMES_START = 0.8;

    /** B1: registry-only certification events, at full speed, then paced at 5,000/s; in rounds. */
    List<ScenarioRow> registryOnly(int events, List<String> activePartners, List<PlannedEvent> history, int rounds) {
        Console.step("B1 certification events that change no evaluation result (registry only)" + roundsNote(rounds));
        Rounds bursts = new Rounds();
        List<ScenarioRow> pacedRows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String suffix = Rounds.suffix(round, rounds);
            baselineBefore("B1" + suffix);
            double commitsPerSecond = baseline.commit().perSecond();
            EventBatch burst = workloads.registryOnly("B1-burst" + Rounds.tagSuffix(round, rounds), events, activePartners);
            PhaseResult result = measured(Phase.burst("B1 burst" + suffix, burst));
            history.addAll(burst.events());
            bursts.add(row("B1", "registry only, burst" + Rounds.titleSuffix(round, rounds), result, "start", null,
                    null, null, checks(result)), result.perSecond() / commitsPerSecond);
            EventBatch paced = workloads.registryOnly("B1-paced" + Rounds.tagSuffix(round, rounds), Math.max(1, events / 2),
                    activePartners);
            PhaseResult pacedResult = measured(Phase.paced("B1 paced" + suffix, paced, 5_000));
            pacedRows.add(row("B1", "registry only, paced 5,000/s" + Rounds.titleSuffix(round, rounds), pacedResult,
                    "start", null, null, null, checks(pacedResult)));
        }
        List<ScenarioRow> rows = new ArrayList<>(bursts.concluded("registry only, burst", "%.2f× commit",
                targeted(String.format("≥ %.0f× commit", B1_BURST_TIMES_COMMIT)),
                times -> times >= B1_BURST_TIMES_COMMIT, true));
        rows.addAll(pacedRows);
        return rows;
    }

    /** The paced B2 run offers this share of the plain-API correlate rate measured just before it. */
    static final double B2_PACE_OF_CORRELATE = 0.8;
    /** The B2 burst must correlate at least this many times as fast as the plain-API loop. */
    static final double B2_BURST_TIMES_CORRELATE = 1.2;

    /**
     * B2: fee payments correlated to onboarding instances waiting at await-fee: at once, then paced at 80 % of
     * the plain correlate rate of this round (what a single-threaded engine loop on this PostgreSQL does just now),
     * in {@code rounds} rounds of {@code perRun} payments per run.
     */
    List<ScenarioRow> feePayments(List<Fixtures.WaitingForFee> fees, int perRun, int rounds) {
        Console.step("B2 fee payments correlated to waiting onboarding instances" + roundsNote(rounds));
        Rounds bursts = new Rounds();
        Rounds pacedRuns = new Rounds();
        for (int round = 1; round <= rounds; round++) {
            List<Fixtures.WaitingForFee> burst = run(fees, perRun, round, 0);
            List<Fixtures.WaitingForFee> paced = run(fees, perRun, round, 1);
            String suffix = Rounds.suffix(round, rounds);
            baselineBefore("B2" + suffix);
            double correlate = baseline.correlate().perSecond();
            PhaseResult result = measured(Phase.burst("B2 burst" + suffix,
                    workloads.feePayments("B2-burst" + Rounds.tagSuffix(round, rounds), burst)));
            bursts.add(row("B2", "fee payments, burst" + Rounds.titleSuffix(round, rounds), result, "correlate",
                    null, null, null, feeChecks(result, burst)), result.perSecond() / correlate);
            double pace = Math.max(1, Math.round(B2_PACE_OF_CORRELATE * correlate));
            PhaseResult pacedResult = measured(Phase.paced("B2 paced" + suffix,
                    workloads.feePayments("B2-paced" + Rounds.tagSuffix(round, rounds), paced), pace));
            pacedRuns.add(row("B2", String.format("fee payments, paced %.0f/s (%.0f%% of correlate)", pace,
                            100 * B2_PACE_OF_CORRELATE) + Rounds.titleSuffix(round, rounds), pacedResult, "correlate",
                    null, null, null, feeChecks(pacedResult, paced)), pacedResult.p99Ms());
        }
        List<ScenarioRow> rows = new ArrayList<>();
        rows.addAll(bursts.concluded("fee payments, burst", "%.2f× correlate", targeted(
                String.format("≥ %.1f× correlate", B2_BURST_TIMES_CORRELATE)), times -> times >= B2_BURST_TIMES_CORRELATE,
                true));
        rows.addAll(pacedRuns.concluded("fee payments, paced at 80 % of correlate", "p99 %.0f ms",
                targeted("p99 < 300 ms"), p99 -> p99 < 300, false));
        return rows;
    }

    /** B3: revocations that open a shortfall: tier-reevaluation started, follow-up task created; in rounds. */
    List<ScenarioRow> revocations(List<Fixtures.AtMinimum> partners, int perRun, int rounds) {
        Console.step("B3 revocations that start tier re-evaluation with a task" + roundsNote(rounds));
        check(new LinkedHashMap<>(), "followUpShortfallTasksBeforeB3", followUpTasks(partners), 0);
        Rounds bursts = new Rounds();
        List<ScenarioRow> pacedRows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Fixtures.AtMinimum> burst = run(partners, perRun, round, 0);
            List<Fixtures.AtMinimum> paced = run(partners, perRun, round, 1);
            String suffix = Rounds.suffix(round, rounds);
            baselineBefore("B3" + suffix);
            PhaseResult result = measured(Phase.burst("B3 burst" + suffix,
                    workloads.revocations("B3-burst" + Rounds.tagSuffix(round, rounds), burst)));
            bursts.add(row("B3", "revocations → shortfall task, burst" + Rounds.titleSuffix(round, rounds), result,
                    "start", null, null, null, shortfallChecks(result, burst)),
                    result.perSecond() / baseline.start().perSecond());
            PhaseResult pacedResult = measured(Phase.paced("B3 paced" + suffix,
                    workloads.revocations("B3-paced" + Rounds.tagSuffix(round, rounds), paced), 150));
            pacedRows.add(row("B3", "revocations → shortfall task, paced 150/s" + Rounds.titleSuffix(round, rounds),
                    pacedResult, "start", null, null, null, shortfallChecks(pacedResult, paced)));
        }
        List<ScenarioRow> rows = new ArrayList<>(bursts.concluded("revocations → shortfall task, burst",
                "%.2f× start", targeted(String.format("≥ %.1f× start", B3_BURST_TIMES_START)),
                times -> times >= B3_BURST_TIMES_START, true));
        rows.addAll(pacedRows);
        return rows;
    }

    /** Round {@code round}'s burst ({@code part} 0) or paced run (1): each takes the next {@code perRun} items. */
    private static <T> List<T> run(List<T> items, int perRun, int round, int part) {
        int from = (2 * (round - 1) + part) * perRun;
        return items.subList(from, from + perRun);
    }

    private static String roundsNote(int rounds) {
        return rounds == 1 ? "" : String.format(" (%d rounds, each against the baselines taken just before it)",
                rounds);
    }

    /** The target a row states, or none in a run that checks no targets (smoke). */
    private String targeted(String target) {
        return targets ? target : null;
    }

    /** B4: a backlog of the stated mix, sent at once: how long until it is drained. */
    ScenarioRow backlog(int events, List<PlannedEvent> history, List<String> activePartners, List<String> inShortfall) {
        Console.step(String.format("B4 backlog of %,d certification events (mix: Workloads.backlog)", events));
        baselineBefore("B4");
        Workloads.Backlog backlog = workloads.backlog("B4", events, history, activePartners, inShortfall);
        EventBatch batch = backlog.batch();
        List<String> restored = backlog.restored();
        PhaseResult result = measured(Phase.burst("B4 backlog", batch));
        Map<String, Object> checks = checks(result);
        checks.put("resentDuplicates", batch.events().size() - result.effects());
        checks.put("shortfallsRestored", restored.size());
        long closed = restored.isEmpty() ? 0 : database.count("select count(*) from program.partner "
                + "where evaluation_outcome = 'MEETS' and partner_id = any(?)", restored);
        check(checks, "shortfallsClosed", closed, restored.size());
        return row("B4", String.format("backlog %,d events, drained in %.1f s", events, result.seconds()), result,
                "start", "drained ≤ 120 s",
                result.seconds() <= 120, String.format("%.0f s = %.1f× 120 s", result.seconds(), result.seconds() / 120),
                checks);
    }

    /** B5: a storm for a few partners; nothing lost, nothing applied twice. */
    ScenarioRow storm(int events, List<Fixtures.AtMinimum> partners) {
        Console.step(String.format("B5 storm of %,d events for %d partners", events, partners.size()));
        baselineBefore("B5");
        StormModel model = workloads.storm("B5", events, partners);
        PhaseResult result = measured(Phase.burst("B5 storm", model.batch()));
        Map<String, Object> checks = checks(result);
        checks.put("resentDuplicates", model.duplicates());
        long distinct = model.batch().events().stream().map(PlannedEvent::eventId).distinct().count();
        long lost = distinct - database.processed(model.batch().source());
        long payments = database.count("select count(*) from program.payment where event_id = any(?)",
                model.paymentEventIds());
        long paymentsTwice = database.count("select count(*) from (select event_id from program.payment "
                + "where event_id = any(?) group by event_id having count(*) > 1) twice", model.paymentEventIds());
        lost += Math.max(0, model.paymentEventIds().size() - payments + paymentsTwice);
        Map<String, String> statuses = database.map("select certificate_id, status from program.certificate "
                + "where partner_id = any(?)", model.partnerIds());
        long stateMismatches = model.expectedStatuses().entrySet().stream()
                .filter(expected -> !expected.getValue().equals(statuses.get(expected.getKey()))).count();
        Map<String, String> outcomes = database.map("select partner_id, evaluation_outcome from program.partner "
                + "where partner_id = any(?)", model.partnerIds());
        Map<String, String> running = database.map("""
                select p.business_key_, count(*) from act_ru_execution p join act_re_procdef d on d.id_ = p.proc_def_id_
                where d.key_ = 'tier-reevaluation' and p.id_ = p.proc_inst_id_ and p.business_key_ = any(?)
                group by p.business_key_""", model.partnerIds());
        long resultMismatches = 0;
        for (String partnerId : model.partnerIds()) {
            StormModel.Headcount expected = model.headcount(partnerId);
            JsonNode headcount = api.partner(partnerId).path("headcount");
            boolean shortfall = !expected.meetsCommunityMinimum();
            if (headcount.path("automationService").asInt() != expected.automationService()
                    || headcount.path("automationUsage").asInt() != expected.automationUsage()
                    || headcount.path("development").asInt() != expected.development()
                    || !(shortfall ? "SHORTFALL" : "MEETS").equals(outcomes.get(partnerId))
                    || Integer.parseInt(running.getOrDefault(partnerId, "0")) != (shortfall ? 1 : 0)) {
                resultMismatches++;
            }
        }
        check(checks, "lost", lost, 0);
        check(checks, "appliedTwice", paymentsTwice, 0);
        check(checks, "certificateStateMismatches", stateMismatches, 0);
        check(checks, "headcountOrEvaluationMismatches", resultMismatches, 0);
        boolean clean = lost == 0 && paymentsTwice == 0 && stateMismatches == 0 && resultMismatches == 0;
        return row("B5", String.format("storm, %d partners", partners.size()), result, "start",
                "0 lost, 0 applied twice", clean, String.format("%d lost, %d twice", lost, paymentsTwice), checks);
    }

    private void baselineBefore(String scenario) {
        baseline = baselines.apply(scenario);
        Console.progress("baselines: " + baseline.describe());
    }

    private PhaseResult measured(Phase phase) {
        long deadLettersBefore = lag.endOffsets(DEAD_LETTERS);
        PhaseResult result = runner.run(phase);
        long deadLettered = lag.endOffsets(DEAD_LETTERS) - deadLettersBefore;
        if (deadLettered > 0) {
            failedChecks.add(phase.name() + ": " + deadLettered + " records dead-lettered");
        }
        Console.progress(String.format("%-22s %,d effects in %.2f s: %,.0f/s, p50 %.0f ms, p99 %.0f ms, peak lag %,d",
                phase.name(), result.effects(), result.seconds(), result.perSecond(), result.p50Ms(), result.p99Ms(),
                result.peakLag()));
        if (result.cpu() != null) {
            Console.progress(String.format("%-22s %s", "", result.cpu().describe()));
            Console.progress(String.format("%-22s %s", "", result.cpu().describeThreads()));
        }
        return result;
    }

    private Map<String, Object> checks(PhaseResult result) {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("effects", result.effects());
        return checks;
    }

    private Map<String, Object> feeChecks(PhaseResult result, List<Fixtures.WaitingForFee> fees) {
        Map<String, Object> checks = checks(result);
        List<String> invoices = fees.stream().map(Fixtures.WaitingForFee::invoiceId).toList();
        List<String> partners = fees.stream().map(Fixtures.WaitingForFee::partnerId).toList();
        check(checks, "paymentsApplied", database.count("select count(*) from program.payment "
                + "where outcome = 'APPLIED' and invoice_id = any(?)", invoices), fees.size());
        check(checks, "signContractTasks", database.count("""
                select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'sign-contract' and p.business_key_ = any(?)""", partners), fees.size());
        return checks;
    }

    private Map<String, Object> shortfallChecks(PhaseResult result, List<Fixtures.AtMinimum> partners) {
        Map<String, Object> checks = checks(result);
        check(checks, "followUpShortfallTasks", followUpTasks(partners), partners.size());
        return checks;
    }

    private long followUpTasks(List<Fixtures.AtMinimum> partners) {
        return database.count("""
                select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'follow-up-shortfall' and p.business_key_ = any(?)""",
                partners.stream().map(Fixtures.AtMinimum::partnerId).toList());
    }

    private void check(Map<String, Object> checks, String name, long actual, long expected) {
        checks.put(name, actual);
        if (actual != expected) {
            failedChecks.add(name + ": " + actual + ", expected " + expected);
        }
    }

    private ScenarioRow row(String id, String title, PhaseResult result, String engineOperation, String target,
                            Boolean met, String shortfall, Map<String, Object> checks) {
        if (!targets || target == null) {
            return new ScenarioRow(id, title, result, baseline, engineOperation, null, null, null, checks);
        }
        return new ScenarioRow(id, title, result, baseline, engineOperation, target, met, met ? null : shortfall, checks);
    }
}
