package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificationLevel;
import com.tencent.bk.partner.certification.Track;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course as stored; {@code replaceBy} only while SUSPENDED. */
record Course(UUID courseId, String partnerId, String title, CourseKind kind, Track track, CertificationLevel level,
              CourseState state, String stateReason, Instant replaceBy, List<String> instructors,
              Instant registeredAt) {

    InstructorRequirement requirement() {
        return new InstructorRequirement(kind, track, level);
    }
}
