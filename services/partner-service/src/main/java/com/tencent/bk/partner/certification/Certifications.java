package com.tencent.bk.partner.certification;

import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies certification events to the certificate registry and announces, once per batch, which companies'
 * headcount may have changed ({@link HeadcountMayHaveChanged}), for tiering to re-evaluate.
 */
@Component
class Certifications {

    private final CertificateRegistry certificates;
    private final ApplicationEventPublisher events;

    Certifications(CertificateRegistry certificates, ApplicationEventPublisher events) {
        this.certificates = certificates;
        this.events = events;
    }

    void apply(List<CertificationEvent> batch) {
        Set<String> touched = certificates.applyAll(batch);
        events.publishEvent(new HeadcountMayHaveChanged(Set.copyOf(touched), "CERTIFICATION_CHANGE"));
    }
}
