package com.tencent.bk.partner.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Certified engineers of a company on a given day.
 *
 * @param automationService engineers with a valid SERVICE-level automation certificate
 * @param automationUsage   engineers with a valid automation certificate of either level
 * @param development       engineers with a valid development certificate
 */
public record Headcount(int automationService, int automationUsage, int development) {

    public static final Headcount NONE = new Headcount(0, 0, 0);

    /** The counting rules of docs/contracts.md applied to certificates in memory, as on {@code day}. */
    public static Headcount of(Collection<CountedCertificate> certificates, LocalDate day) {
        Set<String> service = new HashSet<>();
        Set<String> usage = new HashSet<>();
        Set<String> development = new HashSet<>();
        for (CountedCertificate certificate : certificates) {
            if (!certificate.countsOn(day)) {
                continue;
            }
            if (certificate.track() == Track.DEVELOPMENT) {
                development.add(certificate.engineerId());
            } else {
                usage.add(certificate.engineerId());
                if (certificate.level() == CertificationLevel.SERVICE) {
                    service.add(certificate.engineerId());
                }
            }
        }
        return new Headcount(service.size(), usage.size(), development.size());
    }
}
