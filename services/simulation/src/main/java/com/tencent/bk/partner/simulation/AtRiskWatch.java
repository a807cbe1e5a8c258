package com.tencent.bk.partner.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulation's own forecast of the daily at-risk warning: an ACTIVE partner that meets its minimum today, and
 * whose certificates expiring within the window take it below the minimum on a day, must be warned of that day
 * ({@code bk.partner.headcount-at-risk}, {@code fallsBelowOn}). Read from the certificate table right after the
 * clock moved, which is what the service's sweep of that morning read too.
 *
 * <p>A pair is owed a warning once it was forecast on two consecutive mornings: a certificate event between the
 * snapshot and the next morning's sweep can change the forecast, and the service warns on the sweep's view, not
 * the simulation's.
 */
final class AtRiskWatch {

    /** The service's default {@code partner.tiering.at-risk-window}. */
    static final int WINDOW_DAYS = 60;

    private final ReadOnlyDatabase db;
    private Set<String> yesterday = Set.of();
    private Set<String> owed = Set.of();

    AtRiskWatch(ReadOnlyDatabase db) {
        this.db = db;
    }

    /** Takes this morning's forecast; the pairs forecast yesterday as well are owed a warning from today. */
    void morning(LocalDate today) {
        morning(forecast(today));
    }

    void morning(Set<String> forecast) {
        Set<String> both = new HashSet<>(forecast);
        both.retainAll(yesterday);
        owed = both;
        yesterday = forecast;
    }

    /** "partnerId falls below on yyyy-mm-dd" of every warning owed and not found among those published. */
    List<String> missing(Set<String> warned) {
        return owed.stream().filter(pair -> !warned.contains(pair)).sorted().toList();
    }

    static String pair(String partnerId, String fallsBelowOn) {
        return partnerId + " falls below on " + fallsBelowOn;
    }

    private Set<String> forecast(LocalDate today) {
        return forecast(today, db.rows("""
                select p.partner_id, p.type, coalesce(p.level, ''), c.engineer_id, c.track, coalesce(c.level, ''),
                       coalesce(c.expires_on::text, '')
                from program.partner p join program.certificate c on c.partner_id = p.partner_id
                where p.status = 'ACTIVE' and c.granted and c.status = 'VALID'
                  and (c.expires_on is null or c.expires_on >= ?)
                  and exists (select 1 from program.certificate x where x.partner_id = p.partner_id and x.granted
                              and x.status = 'VALID' and x.expires_on >= ? and x.expires_on < ?)
                order by p.partner_id""", today, today, today.plusDays(WINDOW_DAYS)));
    }

    /**
     * @param counted rows {partnerId, type, level, engineerId, track, certificate level, expiresOn or ""} of the
     *                certificates that count today, of ACTIVE partners with one expiring within the window
     */
    static Set<String> forecast(LocalDate today, List<String[]> counted) {
        LocalDate until = today.plusDays(WINDOW_DAYS);
        Map<String, String> tier = new HashMap<>();
        Map<String, List<String[]>> certificates = new HashMap<>();
        for (String[] row : counted) {
            String level = row[1].equals("ENTERPRISE") ? (row[2].isEmpty() ? "TRIAL" : row[2]) : "";
            tier.put(row[0], row[1] + "/" + level);
            certificates.computeIfAbsent(row[0], key -> new ArrayList<>()).add(row);
        }
        Set<String> forecast = new HashSet<>();
        certificates.forEach((partnerId, held) -> {
            String key = tier.get(partnerId);
            if (!Invariants.meets(headcount(held, today), key)) {
                return; // already short: a shortfall, not a forecast
            }
            TreeSet<LocalDate> lastValidDays = new TreeSet<>();
            held.stream().filter(row -> !row[6].isEmpty()).map(row -> LocalDate.parse(row[6]))
                    .filter(day -> !day.isBefore(today) && day.isBefore(until)).forEach(lastValidDays::add);
            for (LocalDate lastValidDay : lastValidDays) {
                LocalDate dayAfter = lastValidDay.plusDays(1);
                if (!Invariants.meets(headcount(held, dayAfter), key)) {
                    forecast.add(pair(partnerId, dayAfter.toString()));
                    return;
                }
            }
        });
        return forecast;
    }

    /** {service, usage, development} on a day: an engineer once per track, SERVICE also counts as usage. */
    private static int[] headcount(List<String[]> held, LocalDate on) {
        Set<String> service = new HashSet<>();
        Set<String> usage = new HashSet<>();
        Set<String> development = new HashSet<>();
        for (String[] row : held) {
            if (!row[6].isEmpty() && LocalDate.parse(row[6]).isBefore(on)) {
                continue;
            }
            if (row[4].equals("AUTOMATION")) {
                usage.add(row[3]);
                if (row[5].equals("SERVICE")) {
                    service.add(row[3]);
                }
            } else if (row[4].equals("DEVELOPMENT")) {
                development.add(row[3]);
            }
        }
        return new int[] {service.size(), usage.size(), development.size()};
    }
}
