package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.common.ProgramClock;
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
}
