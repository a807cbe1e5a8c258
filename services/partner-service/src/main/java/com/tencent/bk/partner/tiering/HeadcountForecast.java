package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Forecasts, from the expiry dates of the certificates that count today, which ACTIVE partners will fall below
 * the minimum of their type and level within a window, on which day, and because of which certificates.
 */
@Component
public class HeadcountForecast {

    /** A partner whose headcount falls below its minimum on {@code fallsBelowOn}. */
    public record AtRisk(String partnerId, String companyName, LocalDate fallsBelowOn, Headcount headcountThen,
                         Minimums required, List<String> certificateIds) {
    }

    private final Headcounts headcounts;
    private final PartnerRegistry registry;
    private final TierRules rules;
    private final ProgramClock clock;

    HeadcountForecast(Headcounts headcounts, PartnerRegistry registry, TierRules rules, ProgramClock clock) {
        this.headcounts = headcounts;
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
    }

    public List<AtRisk> atRisk(Period within) {
        LocalDate today = clock.today();
        LocalDate until = today.plus(within);
        List<AtRisk> atRisk = new ArrayList<>();
        for (Map.Entry<String, List<CountedCertificate>> partner
                : headcounts.ofActivePartnersWithExpiries(today, until).entrySet()) {
            registry.find(partner.getKey())
                    .flatMap(found -> firstDayBelow(found, partner.getValue(), today, until))
                    .ifPresent(atRisk::add);
        }
        atRisk.sort(java.util.Comparator.comparing(AtRisk::fallsBelowOn).thenComparing(AtRisk::partnerId));
        return atRisk;
    }

    private java.util.Optional<AtRisk> firstDayBelow(Partner partner, List<CountedCertificate> certificates,
                                                     LocalDate today, LocalDate until) {
        Minimums required = rules.minimums(partner.type(), partner.level());
        if (!required.metBy(Headcount.of(certificates, today))) {
            return java.util.Optional.empty(); // already short: a shortfall, not a forecast
        }
        TreeSet<LocalDate> lastValidDays = new TreeSet<>();
        certificates.stream().map(CountedCertificate::expiresOn)
                .filter(day -> day != null && !day.isBefore(today) && day.isBefore(until))
                .forEach(lastValidDays::add);
        for (LocalDate lastValidDay : lastValidDays) {
            LocalDate dayAfter = lastValidDay.plusDays(1);
            Headcount then = Headcount.of(certificates, dayAfter);
            if (!required.metBy(then)) {
                List<String> expiring = certificates.stream()
                        .filter(certificate -> certificate.expiresOn() != null
                                && !certificate.expiresOn().isAfter(lastValidDay))
                        .map(CountedCertificate::certificateId).sorted().toList();
                return java.util.Optional.of(new AtRisk(partner.partnerId(), partner.companyName(), dayAfter, then,
                        required, expiring));
            }
        }
        return java.util.Optional.empty();
    }
}
