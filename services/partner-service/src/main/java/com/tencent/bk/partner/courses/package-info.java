/**
 * Courses of education partners (program rules: an education partner may run BlueKing courses, the certification
 * courses included, and its instructors must hold the matching certification). A course is registered by the
 * partner website, checked against the partner's counted certificates, reviewed ({@code course-review}) and then
 * runs while each instructor keeps a matching certificate; one that lapses (revoked, expired, transferred away)
 * suspends the course until a certified replacement is named or the deadline ({@code course-suspension})
 * withdraws it. The end of the partnership withdraws every course.
 */
package com.tencent.bk.partner.courses;
