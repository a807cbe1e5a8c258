package com.tencent.bk.partner.simulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold after every simulated day, read from PostgreSQL (read-only) and the outbound topic like an
 * auditor would. The tier minimums are the simulation's own copy of {@code bpmn/partner-minimums.dmn}, and the
 * headcount is counted here from the certificate table (an engineer once per track, SERVICE also counts as
 * USAGE, revoked or past-expiry certificates not at all).
 */
final class Invariants {

    record Violation(LocalDate day, String check, String detail) {
        @Override
        public String toString() {
            return day + " [" + check + "] " + detail;
        }
    }

    /** type/level → {automationService, automationUsage, development}, as the DMN table says. */
    static final Map<String, int[]> MINIMUMS = Map.of(
            "ENTERPRISE/TRIAL", new int[] {3, 0, 3}, "ENTERPRISE/LEVEL_3", new int[] {5, 0, 5},
            "ENTERPRISE/LEVEL_2", new int[] {10, 0, 10}, "ENTERPRISE/LEVEL_1", new int[] {20, 0, 20},
            "COMMUNITY/", new int[] {2, 0, 1}, "EDUCATION/", new int[] {0, 1, 1}, "BRAND/", new int[] {0, 0, 0});
    private static final int RECENT_NUMBERS = 1000;
    private static final List<String> LEVELS = List.of("TRIAL", "LEVEL_3", "LEVEL_2", "LEVEL_1");
    private static final String PARTNER_PROCESS = """
            select e.id_, e.business_key_, d.key_ from act_ru_execution e
            join act_re_procdef d on d.id_ = e.proc_def_id_
            where e.id_ = e.proc_inst_id_ and d.key_ <> 'quarterly-audit'""";

    private final ReadOnlyDatabase db;
    private final OutboundLog outbound;
    private final AtRiskWatch atRisk;
    private final Set<String> reported = new HashSet<>();
    private final Set<String> publishedIds = new HashSet<>();
    private final Map<String, List<String>> committed = new HashMap<>();
    private final Set<String> committedIds = new HashSet<>();
    private final Map<String, Integer> warnings = new HashMap<>();
    private final Map<String, Long> nanosPerCheck = new LinkedHashMap<>();
    private int recordsSeen;
    private long outboxCursor;
    private int checked;

    Invariants(ReadOnlyDatabase db, OutboundLog outbound, AtRiskWatch atRisk) {
        this.db = db;
        this.outbound = outbound;
        this.atRisk = atRisk;
    }

    int checked() {
        return checked;
    }

    /** Wall time spent on each check so far, in seconds, in the order they run. */
    Map<String, Double> secondsPerCheck() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanosPerCheck.forEach((check, nanos) -> seconds.put(check, nanos / 1e9));
        return seconds;
    }

    private void timed(String check, Runnable run) {
        long started = System.nanoTime();
        run.run();
        nanosPerCheck.merge(check, System.nanoTime() - started, Long::sum);
    }

    /** @return violations first seen today (one already reported is not reported again) */
    List<Violation> check(LocalDate today, Instant now) {
        List<Violation> found = new ArrayList<>();
        timed("tiers", () -> tiers(today, now, found));
        timed("left-behind", () -> nothingLeftBehind(today, found));
        timed("invoices", () -> invoices(today, found));
        timed("money", () -> money(today, found));
        timed("outbound", () -> outbound(today, found));
        timed("courses", () -> courses(today, now, found));
        timed("referrals", () -> referrals(now, found));
        timed("incidents", () -> incidents(today, found));
        List<Violation> fresh = new ArrayList<>();
        for (Violation violation : found) {
            if (reported.add(violation.check() + " " + violation.detail())) {
                fresh.add(violation);
            }
        }
        return fresh;
    }

    private void tiers(LocalDate today, Instant now, List<Violation> found) {
        checked++;
        Timestamp at = Timestamp.from(now);
        for (String[] row : db.rows("""
                with headcount as (
                    select partner_id,
                           count(distinct engineer_id) filter (where track = 'AUTOMATION' and level = 'SERVICE') service,
                           count(distinct engineer_id) filter (where track = 'AUTOMATION') usage,
                           count(distinct engineer_id) filter (where track = 'DEVELOPMENT') development
                    from program.certificate
                    where granted and status = 'VALID' and (expires_on is null or expires_on >= ?)
                    group by partner_id)
                select p.partner_id, p.type, coalesce(p.level, ''), coalesce(h.service, 0), coalesce(h.usage, 0),
                       coalesce(h.development, 0),
                       exists (select 1 from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                               join act_ru_job j on j.process_instance_id_ = e.id_
                               where e.id_ = e.proc_inst_id_ and e.business_key_ = p.partner_id
                                 and d.key_ = 'tier-reevaluation' and j.type_ = 'timer' and j.duedate_ > ?),
                       exists (select 1 from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                               where e.id_ = e.proc_inst_id_ and e.business_key_ = p.partner_id
                                 and d.key_ = 'contract-termination'),
                       exists (select 1 from program.verified_headcount v where v.partner_id = p.partner_id)
                from program.partner p left join headcount h on h.partner_id = p.partner_id
                where p.status = 'ACTIVE' order by p.partner_id""", today, at)) {
            String type = row[1];
            String level = type.equals("ENTERPRISE") ? (row[2].isEmpty() ? "TRIAL" : row[2]) : "";
            int[] has = {Integer.parseInt(row[3]), Integer.parseInt(row[4]), Integer.parseInt(row[5])};
            boolean grace = "t".equals(row[6]);
            boolean terminating = "t".equals(row[7]);
            String counts = "headcount " + has[0] + "/" + has[1] + "/" + has[2];
            if (!meets(has, type + "/" + level) && !grace && !terminating) {
                found.add(new Violation(today, "tier", row[0] + " ACTIVE " + type + " " + level + " below its minimum ("
                        + counts + ") without an open shortfall whose grace ends in the future"));
            }
            // after an audit MISMATCH the tier is held against what the auditor verified (plus engineers certified
            // since), which can only be lower than the certificate table: no upgrade is owed on the table's numbers
            boolean heldToAudit = "t".equals(row[8]);
            if (type.equals("ENTERPRISE") && !terminating && !heldToAudit) {
                String qualifies = null;
                for (String candidate : LEVELS) {
                    if (meets(has, "ENTERPRISE/" + candidate)) {
                        qualifies = candidate;
                    }
                }
                if (qualifies != null && LEVELS.indexOf(qualifies) > LEVELS.indexOf(level)) {
                    found.add(new Violation(today, "tier", row[0] + " ACTIVE ENTERPRISE at " + level + " qualifies for "
                            + qualifies + " (" + counts + ") and was not upgraded"));
                }
            }
        }
    }

    static boolean meets(int[] has, String key) {
        int[] required = MINIMUMS.get(key);
        return has[0] >= required[0] && has[1] >= required[1] && has[2] >= required[2];
    }

    private void nothingLeftBehind(LocalDate today, List<Violation> found) {
        checked++;
        Map<String, String> status = new HashMap<>();
        db.rows("select partner_id, status from program.partner").forEach(row -> status.put(row[0], row[1]));
        // a termination case outlives the partnership it was raised in (a breach is still decided), also when the
        // company applies again: it serves any partner with an undecided request
        Set<String> undecidedTerminations = new HashSet<>();
        db.rows("select distinct partner_id from program.termination_request where outcome is null")
                .forEach(row -> undecidedTerminations.add(row[0]));
        Set<String> openCases = new HashSet<>();
        db.rows("select process_instance_id from program.payment_case where outcome is null")
                .forEach(row -> openCases.add(row[0]));
        for (String[] process : db.rows(PARTNER_PROCESS + " order by e.business_key_, d.key_")) {
            String partner = status.get(process[1]);
            String key = process[2];
            boolean serves = switch (key) {
                case "partner-onboarding" -> List.of("APPLIED", "UNDER_REVIEW", "AWAITING_PAYMENT",
                        "AWAITING_SIGNATURE").contains(partner);
                case "tier-reevaluation", "partner-renewal", "course-review", "course-suspension" ->
                        "ACTIVE".equals(partner);
                case "contract-termination" -> "ACTIVE".equals(partner) || undecidedTerminations.contains(process[1]);
                case "payment-exception" -> openCases.contains(process[0]);
                default -> true;
            };
            if (!serves) {
                found.add(new Violation(today, "left-behind", key + " of " + process[1] + " still running while the"
                        + (key.equals("payment-exception") ? " payment case is not open" : " partner is " + partner)));
            }
        }
    }

    private void invoices(LocalDate today, List<Violation> found) {
        checked++;
        for (String[] row : db.rows("""
                select i.invoice_id, i.partner_id, i.purpose, i.status, i.due_on,
                       (select max((j.duedate_ at time zone 'Asia/Shanghai')::date) from act_ru_job j
                        join act_ru_execution e on e.id_ = j.process_instance_id_
                        where e.business_key_ = i.partner_id and j.type_ = 'timer'
                          and j.handler_cfg_ like '%fee-deadline-passed%'),
                       (select max(c.ends_on) from program.contract c
                        where c.partner_id = i.partner_id and c.status = 'ACTIVE')
                from program.invoice i order by i.invoice_id""")) {
            String status = row[3];
            if (!List.of("OPEN", "PAID", "CANCELLED", "REFUNDED").contains(status)) {
                found.add(new Violation(today, "invoice", row[0] + " of " + row[1] + " is " + status));
            } else if (status.equals("OPEN") && row[2].equals("ONBOARDING")
                    && (row[5] == null || LocalDate.parse(row[4]).isAfter(LocalDate.parse(row[5])))) {
                found.add(new Violation(today, "invoice", "OPEN onboarding invoice " + row[0] + " of " + row[1]
                        + " due " + row[4] + (row[5] == null ? " has no fee deadline ahead"
                        : " after its fee deadline " + row[5])));
            } else if (status.equals("OPEN") && row[2].equals("RENEWAL")
                    && (row[6] == null || LocalDate.parse(row[4]).isAfter(LocalDate.parse(row[6])))) {
                found.add(new Violation(today, "invoice", "OPEN renewal invoice " + row[0] + " of " + row[1]
                        + " due " + row[4] + (row[6] == null ? " without an active contract"
                        : " after the contract's end " + row[6])));
            } else if (status.equals("OPEN") && row[2].equals("ONBOARDING") && LocalDate.parse(row[4]).isBefore(today)) {
                found.add(new Violation(today, "fee-deadline", "onboarding invoice " + row[0] + " of " + row[1]
                        + " still OPEN after its due date " + row[4]));
            }
        }
        feeDeadlinesNotEarly(today, found);
    }

    /** An application cancelled for an unpaid fee was cancelled after its invoice's due date, never on or before. */
    private void feeDeadlinesNotEarly(LocalDate today, List<Violation> found) {
        for (String[] row : db.rows("""
                select a.partner_id, i.invoice_id, i.due_on, (a.decided_at at time zone 'Asia/Shanghai')::date
                from program.application a join program.invoice i on i.application_id = a.application_id
                where a.status = 'CANCELLED' and a.outcome_reason like '服务费逾期未付%'
                  and (a.decided_at at time zone 'Asia/Shanghai')::date <= i.due_on
                order by i.invoice_id""")) {
            found.add(new Violation(today, "fee-deadline", "application of " + row[0] + " cancelled for invoice "
                    + row[1] + " on " + row[3] + ", not after its due date " + row[2]));
        }
    }

    private void money(LocalDate today, List<Violation> found) {
        checked++;
        for (String[] row : db.rows("""
                select p.payment_id, p.partner_id, p.invoice_id, p.outcome from program.payment p
                where p.kind = 'RECEIVED' and p.outcome <> 'APPLIED'
                  and not exists (select 1 from program.payment_case c where c.payment_id = p.payment_id
                                  and (c.outcome is null or c.outcome in ('SETTLED', 'TO_BE_RETURNED')))
                order by p.payment_id""")) {
            found.add(new Violation(today, "money", "payment " + row[0] + " of " + row[1] + " for invoice " + row[2]
                    + " (" + row[3] + ") is neither applied, nor with finance, nor to be returned"));
        }
        for (String[] row : db.rows("""
                select i.invoice_id, i.partner_id, a.status from program.invoice i
                join program.application a on a.application_id = i.application_id
                where i.purpose = 'ONBOARDING' and i.status = 'PAID' and a.status not in ('OPEN', 'APPROVED', 'ACTIVATED')
                  and not exists (select 1 from program.payment p join program.payment_case c on c.payment_id = p.payment_id
                                  where p.invoice_id = i.invoice_id and c.outcome = 'TO_BE_RETURNED')
                order by i.invoice_id""")) {
            found.add(new Violation(today, "money", "onboarding fee " + row[0] + " of " + row[1]
                    + " kept though its application ended " + row[2] + " without a partnership (not returned)"));
        }
        for (String[] row : db.rows("""
                select i.invoice_id, i.partner_id from program.invoice i join program.partner p on p.partner_id = i.partner_id
                where i.purpose = 'RENEWAL' and i.status = 'PAID' and p.status = 'EXPIRED'
                  and not exists (select 1 from program.contract c where c.partner_id = i.partner_id
                                  and c.created_at >= i.created_at)
                  and not exists (select 1 from program.payment pm join program.payment_case c on c.payment_id = pm.payment_id
                                  where pm.invoice_id = i.invoice_id and c.outcome = 'TO_BE_RETURNED')
                order by i.invoice_id""")) {
            found.add(new Violation(today, "money", "renewal fee " + row[0] + " of " + row[1]
                    + " kept though the partnership expired unrenewed (not returned)"));
        }
    }

    /**
     * Incremental, so a day costs what happened that day: the records read from the topic since the last check,
     * and the outbox rows published since, in the order they committed ({@code commit_seq}). A row is numbered
     * just before its commit, so one that was still committing at the last check may carry a number below the
     * cursor: the last {@value #RECENT_NUMBERS} numbers are read again and rows already seen skipped.
     */
    private void outbound(LocalDate today, List<Violation> found) {
        checked++;
        outbound.catchUp();
        Set<String> touched = new HashSet<>();
        List<OutboundLog.Published> all = outbound.all();
        for (OutboundLog.Published published : all.subList(recordsSeen, all.size())) {
            touched.add(published.key());
            if (!publishedIds.add(published.id())) {
                found.add(new Violation(today, "outbound", "event " + published.id() + " (" + published.type()
                        + " of " + published.key() + ") published more than once"));
            }
            if (published.type().equals("bk.partner.headcount-at-risk")) {
                String key = AtRiskWatch.pair(published.key(), published.data().path("fallsBelowOn").asText());
                if (warnings.merge(key, 1, Integer::sum) == 2) {
                    found.add(new Violation(today, "outbound", key + ": warned more than once"));
                }
            }
        }
        recordsSeen = all.size();
        for (String[] row : db.rows("""
                select commit_seq, message_key, event_id::text from program.outbox_event
                where topic = 'bk.partner.events' and published_at is not null and commit_seq > ?
                order by commit_seq""", outboxCursor - RECENT_NUMBERS)) {
            outboxCursor = Math.max(outboxCursor, Long.parseLong(row[0]));
            if (committedIds.add(row[2])) {
                committed.computeIfAbsent(row[1], key -> new ArrayList<>()).add(row[2]);
                touched.add(row[1]);
            }
        }
        for (String partner : touched) {
            List<String> events = committed.getOrDefault(partner, List.of());
            List<String> onTopic = new ArrayList<>(new java.util.LinkedHashSet<>(
                    outbound.of(partner).stream().map(OutboundLog.Published::id).toList()));
            if (!onTopic.equals(events)) {
                found.add(new Violation(today, "outbound", partner + ": " + events.size()
                        + " events committed, " + onTopic.size() + " on the topic"
                        + (onTopic.size() == events.size() ? " in another order" : "")));
            }
        }
        for (String unwarned : atRisk.missing(warnings.keySet())) {
            found.add(new Violation(today, "outbound", unwarned + " within " + AtRiskWatch.WINDOW_DAYS
                    + " days (forecast two mornings running) and was never warned"));
        }
    }

    /**
     * An approved course runs only with instructors who hold a matching certificate of the partner today; a
     * suspended one is withdrawn once its deadline passed; an ended partnership runs no course.
     */
    private void courses(LocalDate today, Instant now, List<Violation> found) {
        checked++;
        Map<String, List<String[]>> certificates = new HashMap<>();
        for (String[] row : db.rows("""
                select c.partner_id, c.engineer_id, c.track, coalesce(c.level, '') from program.certificate c
                where c.granted and c.status = 'VALID' and (c.expires_on is null or c.expires_on >= ?)
                  and exists (select 1 from program.course k where k.partner_id = c.partner_id and k.state = 'APPROVED')
                order by 1, 2""", today)) {
            certificates.computeIfAbsent(row[0] + "/" + row[1], key -> new ArrayList<>())
                    .add(new String[] {row[1], row[2], row[3]});
        }
        for (String[] row : db.rows("""
                select k.course_id::text, k.partner_id, k.kind, coalesce(k.track, ''), coalesce(k.level, ''),
                       i.engineer_id
                from program.course k join program.course_instructor i on i.course_id = k.course_id
                where k.state = 'APPROVED' order by 1, 6""")) {
            boolean qualified = certificates.getOrDefault(row[1] + "/" + row[5], List.of()).stream()
                    .anyMatch(held -> !row[2].equals("CERTIFICATION") || CoursesAndLeads.matches(held, row[3], row[4]));
            if (!qualified) {
                found.add(new Violation(today, "course", "APPROVED course " + row[0] + " of " + row[1]
                        + " runs with instructor " + row[5] + " who holds no matching valid certificate of it"));
            }
        }
        for (String[] row : db.rows("""
                select k.course_id::text, k.partner_id, k.state, p.status from program.course k
                join program.partner p on p.partner_id = k.partner_id
                where (k.state = 'SUSPENDED' and k.replace_by < ?)
                   or (p.status <> 'ACTIVE' and k.state in ('UNDER_REVIEW', 'APPROVED', 'SUSPENDED'))
                order by 1""", java.sql.Timestamp.from(now))) {
            found.add(new Violation(today, "course", "course " + row[0] + " of " + row[1] + " is " + row[2]
                    + (row[3].equals("ACTIVE") ? " past its replacement deadline" : " though the partner is " + row[3])));
        }
    }

    /**
     * An open offer of a lead is held by an ACTIVE partner that may take its edition, before its deadline; a lead
     * being offered has exactly one open offer.
     */
    private void referrals(Instant now, List<Violation> found) {
        checked++;
        LocalDate today = LocalDate.ofInstant(now, ProgramDays.CHINA);
        for (String[] row : db.rows("""
                select o.referral_id::text, o.partner_id, p.status, p.type, r.edition,
                       o.respond_by < ? as overdue
                from program.referral_offer o join program.referral r on r.referral_id = o.referral_id
                join program.partner p on p.partner_id = o.partner_id
                where o.outcome is null
                  and (p.status <> 'ACTIVE' or p.type not in ('ENTERPRISE', 'COMMUNITY')
                       or (r.edition = 'ENTERPRISE' and p.type <> 'ENTERPRISE') or o.respond_by < ?)
                order by 1""", java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))) {
            found.add(new Violation(today, "referral", "lead " + row[0] + " (" + row[4] + " edition) is offered to "
                    + row[1] + ", " + row[2] + " " + row[3] + ("t".equals(row[5]) ? ", past its deadline" : "")));
        }
        for (String[] row : db.rows("""
                select r.referral_id::text, count(o.offer_id) from program.referral r
                left join program.referral_offer o on o.referral_id = r.referral_id and o.outcome is null
                where r.status = 'OFFERING' group by r.referral_id having count(o.offer_id) <> 1 order by 1""")) {
            found.add(new Violation(today, "referral", "lead " + row[0] + " is OFFERING with " + row[1]
                    + " open offers"));
        }
    }

    private void incidents(LocalDate today, List<Violation> found) {
        checked++;
        for (String[] row : db.rows("""
                select d.key_, coalesce(e.business_key_, ''), j.handler_type_, left(coalesce(j.exception_msg_, ''), 200)
                from act_ru_job j left join act_ru_execution e on e.id_ = j.process_instance_id_
                left join act_re_procdef d on d.id_ = j.process_def_id_
                where j.retries_ = 0 order by 1, 2""")) {
            found.add(new Violation(today, "incident", row[0] + " of " + row[1] + ": " + row[2] + " failed for good: "
                    + row[3]));
        }
    }
}
