package com.tencent.bk.partner.courses;

import java.util.Set;

enum CourseState {
    UNDER_REVIEW, APPROVED, SUSPENDED, WITHDRAWN, REJECTED;

    /** Not ended: the end of the partnership withdraws these. */
    static final Set<CourseState> OPEN = Set.of(UNDER_REVIEW, APPROVED, SUSPENDED);
}
