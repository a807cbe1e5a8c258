package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificationLevel;
import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Track;

/**
 * The certificate each instructor of a course must hold: a certification course its track and, for AUTOMATION,
 * its level (a SERVICE certificate also covers USAGE); every other kind any valid BlueKing certificate.
 */
record InstructorRequirement(CourseKind kind, Track track, CertificationLevel level) {

    boolean metBy(CountedCertificate certificate) {
        if (kind != CourseKind.CERTIFICATION) {
            return true;
        }
        if (certificate.track() != track) {
            return false;
        }
        return level != CertificationLevel.SERVICE || certificate.level() == CertificationLevel.SERVICE;
    }

    String describe() {
        if (kind != CourseKind.CERTIFICATION) {
            return "a valid BlueKing certificate";
        }
        return "a valid " + track + (level == null ? "" : " " + level + (level == CertificationLevel.USAGE
                ? " (or SERVICE)" : "")) + " certificate";
    }
}
