package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.events.OutboundEvent;
import java.util.UUID;

/** The outbound events of courses, as published on {@code bk.partner.events}. */
final class CourseEvents {

    /** Reason of the {@code course-approved} that resumes a suspended course. */
    static final String RESUMED = "RESUMED: 已指定持证讲师 certified replacement instructors named";

    private CourseEvents() {
    }

    /** Approved at review, or resumed after a suspension ({@link #RESUMED}): the course may run. */
    record CourseApproved(String partnerId, UUID courseId, String title, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.course-approved";
        }
    }

    record CourseSuspended(String partnerId, UUID courseId, String title, String reason, String replaceBy)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.course-suspended";
        }
    }

    record CourseWithdrawn(String partnerId, UUID courseId, String title, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.course-withdrawn";
        }
    }
}
