package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.common.ProgramClock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The certified headcount of a company today, whether or not it is a partner yet. */
@Component
public class Headcounts {

    private final CertificateRegistry certificates;
    private final ProgramClock clock;

    Headcounts(CertificateRegistry certificates, ProgramClock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    public Headcount of(String partnerId) {
        return certificates.headcount(partnerId, clock.today());
    }

    /** The headcounts of these companies today, read together: {@link Headcount#NONE} for one without any. */
    public Map<String, Headcount> of(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Headcount> counted = certificates.headcounts(partnerIds, clock.today());
        Map<String, Headcount> all = new HashMap<>();
        partnerIds.forEach(partnerId -> all.put(partnerId, counted.getOrDefault(partnerId, Headcount.NONE)));
        return all;
    }

    /**
     * The counted certificates of every ACTIVE partner that has one whose last valid day lies in
     * {@code [from, until)}, by partner: what a forecast of the coming expiries needs.
     */
    public Map<String, List<CountedCertificate>> ofActivePartnersWithExpiries(LocalDate from, LocalDate until) {
        return certificates.countedOfActivePartnersWithExpiries(from, until);
    }

    /** The certificates that count for the company today: an audit's evidence. */
    public List<CountedCertificate> countedToday(String partnerId) {
        return certificates.counted(partnerId, clock.today());
    }

    /** ACTIVE partners with a certificate whose last valid day lies in {@code [from, until)}. */
    public Set<String> activePartnersWithExpiries(LocalDate from, LocalDate until) {
        return certificates.activePartnersWithExpiries(from, until);
    }

    /** Why the engineer's certificates of the company stopped counting (revoked, expired, transferred away). */
    public List<String> lapsedToday(String partnerId, String engineerId) {
        return certificates.lapsedOf(partnerId, engineerId, clock.today());
    }
}
