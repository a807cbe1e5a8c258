package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificatesPassedExpiry;
import com.tencent.bk.partner.certification.HeadcountMayHaveChanged;
import com.tencent.bk.partner.renewal.PartnershipExpired;
import com.tencent.bk.partner.termination.PartnershipTerminated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Courses follow the certificates and the partnership, inside the transaction of the change: a certificate
 * revoked, expired (by event or silently, seen by the daily sweep) or transferred away suspends the courses that
 * depended on it; the end of the partnership (termination or expiry) withdraws every course.
 */
@Component
class CourseReactions {

    private final Courses courses;

    CourseReactions(Courses courses) {
        this.courses = courses;
    }

    @EventListener
    void onCertificatesChanged(HeadcountMayHaveChanged change) {
        courses.suspendLapsed(change.partnerIds(), change.trigger());
    }

    @EventListener
    void onCertificatesPassedExpiry(CertificatesPassedExpiry expiry) {
        courses.suspendLapsed(expiry.partnerIds(), "CERTIFICATE_EXPIRY");
    }

    @EventListener
    void onTerminated(PartnershipTerminated terminated) {
        courses.withdrawAll(terminated.partnerId(), "合作已终止 Partnership terminated: " + terminated.reason());
    }

    @EventListener
    void onExpired(PartnershipExpired expired) {
        courses.withdrawAll(expired.partnerId(), "合作已到期 Partnership expired on " + expired.endedOn());
    }
}
