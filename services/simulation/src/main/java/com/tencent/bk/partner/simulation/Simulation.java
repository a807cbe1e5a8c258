package com.tencent.bk.partner.simulation;

import com.tencent.bk.partner.bench.EventSender;
import com.tencent.bk.partner.bench.LagMonitor;
import com.tencent.bk.partner.bench.PlannedEvent;
import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One run: the population applies on the first day, then each program day the clock moves, the day's events go
 * out, the people work their tasks, and the invariants are checked — with restarts where planned. Every decision
 * comes from one {@code Random(seed)}, drawn in an order the service's timing cannot change (rows are read
 * sorted by partner), never from the wall clock.
 */
final class Simulation {

    private final SimulationOptions options;
    private final Report report;

    Simulation(SimulationOptions options, Report report) {
        this.options = options;
        this.report = report;
    }

    Report.Summary run() {
        long started = System.nanoTime();
        Random random = new Random(options.seed());
        int days = options.days();
        report.line("== starting PostgreSQL, Kafka and the service (" + options.command() + ")");
        try (Stack stack = new Stack(options.workDir(), options.serviceJar())) {
            ServiceHttp http = stack.startService();
            report.line(String.format("== service up in %.0f s", stack.lastStartupSeconds()));
            try (ReadOnlyDatabase db = new ReadOnlyDatabase(stack.jdbcUrl(), EmbeddedPostgresServer.USER, "");
                 LagMonitor lag = new LagMonitor(stack.bootstrapServers());
                 EventSender sender = new EventSender(stack.bootstrapServers());
                 OutboundLog outbound = new OutboundLog(stack.bootstrapServers())) {
                Population population = new Population(options.seed());
                InboundEvents events = new InboundEvents(options.seed());
                EventGenerator generator = new EventGenerator(random, population, events);
                People people = new People(random, db);
                CoursesAndLeads coursesAndLeads = new CoursesAndLeads(random, db);
                Restarts restarts = new Restarts(options.restarts(), days, random);
                AtRiskWatch atRisk = new AtRiskWatch(db);
                Invariants invariants = new Invariants(db, outbound, atRisk);
                ProgramDays clock = new ProgramDays(lag, db);
                report.line("== restarts planned (day=moment): " + restarts.plan());

                LocalDate today = options.start();
                events.at(clock.moveTo(http, today));
                for (String broken : clock.guardsBroken(http)) {
                    report.violation(new Invariants.Violation(today, "clock", broken));
                }
                List<Population.Certificate> initial = new ArrayList<>();
                population.create(options.partners(), random, today, initial::add);
                send(sender, generator.grants(initial, today));
                settle(clock, http, today);
                int applied = 0;
                for (Population.Company company : population.companies()) {
                    if (http.apply(company.id(), company.type(), company.name()) == 201) {
                        applied++;
                    }
                }
                settle(clock, http, today);
                report.line(String.format("== %d companies applied on %s with %d certificates", applied, today,
                        initial.size()));

                int tasks = 0;
                long[] phases = new long[4];
                for (int day = options.stepDays(); day <= days; day += options.stepDays()) {
                    today = options.start().plusDays(day);
                    long t0 = System.nanoTime();
                    Instant now = clock.moveTo(http, today);
                    atRisk.morning(today);
                    long t1 = System.nanoTime();
                    events.at(now);
                    if (restarts.due(day, Restarts.Moment.AFTER_CLOCK)) {
                        http = restart(stack, restarts, clock, today);
                    }
                    Map<String, String> statuses = statuses(db);
                    List<PlannedEvent> todays = generator.day(today, statuses, invoices(db));
                    send(sender, todays);
                    for (Population.Company company : generator.reapplying(statuses)) {
                        generator.counts().merge("application again " + http.apply(company.id(), company.type(),
                                company.name()), 1, Integer::sum);
                    }
                    if (restarts.due(day, Restarts.Moment.AFTER_EVENTS)) {
                        http = restart(stack, restarts, clock, today);
                    }
                    settle(clock, http, today);
                    coursesAndLeads.day(http, today);
                    settle(clock, http, today);
                    long t2 = System.nanoTime();
                    int worked = people.work(http);
                    tasks += worked;
                    if (worked > 0) {
                        settle(clock, http, today);
                    }
                    long t3 = System.nanoTime();
                    if (restarts.due(day, Restarts.Moment.AFTER_TASKS)) {
                        http = restart(stack, restarts, clock, today);
                        settle(clock, http, today);
                    }
                    for (Invariants.Violation violation : invariants.check(today, now)) {
                        report.violation(violation);
                    }
                    long t4 = System.nanoTime();
                    phases[0] += t1 - t0;
                    phases[1] += t2 - t1;
                    phases[2] += t3 - t2;
                    phases[3] += t4 - t3;
                    if (today.getDayOfMonth() <= options.stepDays() || day + options.stepDays() > days) {
                        report.month(today, statuses(db), events.count(), tasks, restarts.done());
                    }
                }
                report.line(String.format("== wall time per phase: clock %.0f s, events %.0f s, tasks %.0f s, "
                        + "invariants %.0f s", phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9, phases[3] / 1e9));
                report.line("== wall time per invariant: " + invariants.secondsPerCheck().entrySet().stream()
                        .map(check -> String.format("%s %.1f s", check.getKey(), check.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")));
                Map<String, Integer> taskCounts = new HashMap<>(people.counts());
                coursesAndLeads.counts().forEach((key, count) -> generator.counts().merge(key, count, Integer::sum));
                return new Report.Summary(population.companies().size(), days, events.count(), tasks,
                        restarts.done(), restarts.failed(), invariants.checked(), report.violations(),
                        (System.nanoTime() - started) / 1e9,
                        new HashMap<>(generator.counts()), taskCounts);
            }
        }
    }

    private ServiceHttp restart(Stack stack, Restarts restarts, ProgramDays clock, LocalDate today) {
        report.line("== " + today + ": killing the service (SIGKILL) and starting it again");
        if (!restarts.restart(stack)) {
            report.violation(new Invariants.Violation(today, "restart", "the service did not start after a restart; see "
                    + stack.serviceLog()));
            throw new IllegalStateException("the service did not start after a restart on " + today);
        }
        report.line(String.format("== service up again in %.0f s", stack.lastStartupSeconds()));
        Instant after = clock.read(stack.http());
        if (!after.equals(clock.now())) {
            report.violation(new Invariants.Violation(today, "clock", "after the restart the clock says " + after
                    + ", not " + clock.now()));
        }
        return stack.http();
    }

    private void settle(ProgramDays clock, ServiceHttp http, LocalDate today) {
        if (!clock.awaitIdle(http)) {
            report.violation(new Invariants.Violation(today, "idle", "the service did not settle within three "
                    + "minutes (consumer lag, due jobs or outbox)"));
        }
    }

    private static void send(EventSender sender, List<PlannedEvent> events) {
        if (!events.isEmpty()) {
            sender.send(events, 0);
        }
    }

    private static Map<String, String> statuses(ReadOnlyDatabase db) {
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        db.rows("select partner_id, status from program.partner order by partner_id")
                .forEach(row -> statuses.put(row[0], row[1]));
        return statuses;
    }

    private static List<EventGenerator.Invoice> invoices(ReadOnlyDatabase db) {
        return db.rows("""
                        select invoice_id, partner_id, purpose, amount, currency, due_on, status,
                               (created_at at time zone 'Asia/Shanghai')::date
                        from program.invoice order by partner_id, created_at, purpose""").stream()
                .map(row -> new EventGenerator.Invoice(row[0], row[1], row[2], new BigDecimal(row[3]), row[4],
                        LocalDate.parse(row[5]), row[6], LocalDate.parse(row[7]))).toList();
    }
}
