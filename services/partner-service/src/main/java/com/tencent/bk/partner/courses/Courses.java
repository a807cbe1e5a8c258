package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificationLevel;
import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.certification.Track;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.courses.CourseEvents.CourseApproved;
import com.tencent.bk.partner.courses.CourseEvents.CourseSuspended;
import com.tencent.bk.partner.courses.CourseEvents.CourseWithdrawn;
import com.tencent.bk.partner.courses.CourseProblems.CourseRefusedException;
import com.tencent.bk.partner.courses.CourseProblems.FieldProblem;
import com.tencent.bk.partner.courses.CourseProblems.InvalidCourseException;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What happens to courses: registration with the instructor check, the review's outcome, suspension when an
 * instructor's certificate lapses, resumption with certified replacements, and withdrawal. Runs in the caller's
 * transaction; every state change is recorded with its reason and announced through the outbox.
 */
@Component
class Courses {

    static final String COURSE_ID = "courseId";
    static final String REPLACE_BY = "replaceBy";

    private final CourseRecords records;
    private final PartnerRegistry registry;
    private final Headcounts headcounts;
    private final Outbox outbox;
    private final Workflows workflows;
    private final ProgramClock clock;
    private final CourseProperties properties;

    Courses(CourseRecords records, PartnerRegistry registry, Headcounts headcounts, Outbox outbox, Workflows workflows,
            ProgramClock clock, CourseProperties properties) {
        this.records = records;
        this.registry = registry;
        this.headcounts = headcounts;
        this.outbox = outbox;
        this.workflows = workflows;
        this.clock = clock;
        this.properties = properties;
    }

    /** A course as the partner asks for it. */
    record Registration(String title, CourseKind kind, Track track, CertificationLevel level, List<String> instructors) {
    }

    /**
     * Registers a course of an ACTIVE education partner whose instructors all hold the matching certificate of
     * that partner, and starts its review.
     */
    Course register(String partnerId, Registration registration, String registeredBy) {
        Partner partner = registry.lock(partnerId).orElseThrow(() -> unknownPartner(partnerId));
        requireActiveEducationPartner(partner);
        List<FieldProblem> problems = new ArrayList<>(kindProblems(registration));
        problems.addAll(listProblems(registration.instructors()));
        if (problems.isEmpty()) {
            problems.addAll(unqualified(partnerId, new InstructorRequirement(registration.kind(), registration.track(),
                    registration.level()), registration.instructors()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCourseException(problems);
        }
        Course course = new Course(UUID.randomUUID(), partnerId, registration.title().strip(), registration.kind(),
                registration.track(), registration.level(), CourseState.UNDER_REVIEW, null, null,
                List.copyOf(registration.instructors()), clock.now());
        records.insert(course, registeredBy);
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerId", partnerId);
        variables.put("companyName", partner.companyName());
        variables.put(COURSE_ID, course.courseId().toString());
        variables.put("courseTitle", course.title());
        variables.put("courseKind", course.kind().name());
        variables.put("courseCertificate", course.kind() == CourseKind.CERTIFICATION
                ? course.track() + (course.level() == null ? "" : " " + course.level()) : "—");
        variables.put("instructors", String.join(", ", course.instructors()));
        variables.put("registeredBy", registeredBy);
        workflows.start(Bpmn.COURSE_REVIEW, partnerId, variables);
        return course;
    }

    List<Course> of(String partnerId) {
        registry.find(partnerId).orElseThrow(() -> unknownPartner(partnerId));
        return records.of(partnerId);
    }

    /** The review approved it: the course runs, unless an instructor lost the certificate meanwhile. */
    void approve(String partnerId, UUID courseId, String decidedBy, String comment) {
        Course course = records.lock(partnerId, courseId).orElseThrow();
        if (course.state() != CourseState.UNDER_REVIEW) {
            return;
        }
        List<String> lapsed = lapsedInstructors(course, counted(partnerId));
        if (!lapsed.isEmpty()) {
            suspend(course, "审核期间讲师资格失效 An instructor lost the certificate during review: "
                    + String.join("; ", lapsed), decidedBy);
            return;
        }
        String reason = "审核通过 Approved by " + decidedBy + (comment == null ? "" : ": " + comment);
        records.changeState(courseId, course.state(), CourseState.APPROVED, reason, null, decidedBy);
        outbox.publish(new CourseApproved(partnerId, courseId, course.title(), reason));
    }

    /** Rejections are recorded, not published: the partner reads them from its course list. */
    void reject(String partnerId, UUID courseId, String decidedBy, String comment) {
        Course course = records.lock(partnerId, courseId).orElseThrow();
        if (course.state() == CourseState.UNDER_REVIEW) {
            records.changeState(courseId, course.state(), CourseState.REJECTED,
                    "审核未通过 Rejected by " + decidedBy + ": " + comment, null, decidedBy);
        }
    }

    /**
     * Certificates of these companies changed or passed their expiry: every APPROVED course of theirs with an
     * instructor who no longer holds a matching counted certificate of the partner is suspended.
     *
     * @return how many courses were suspended
     */
    int suspendLapsed(Collection<String> partnerIds, String trigger) {
        List<Course> approved = records.lockIn(partnerIds, Set.of(CourseState.APPROVED));
        Map<String, List<CountedCertificate>> countedByPartner = new HashMap<>();
        int suspended = 0;
        for (Course course : approved) {
            List<String> lapsed = lapsedInstructors(course,
                    countedByPartner.computeIfAbsent(course.partnerId(), this::counted));
            if (!lapsed.isEmpty()) {
                suspend(course, "讲师资格失效 Instructor no longer certified (" + trigger + "): "
                        + String.join("; ", lapsed), null);
                suspended++;
            }
        }
        return suspended;
    }

    /**
     * Certified replacements for a suspended course: the list becomes the course's instructors, checked like a
     * registration; the course runs again ({@code course-approved}, reason {@link CourseEvents#RESUMED}) and its
     * deadline ends.
     */
    Course replaceInstructors(String partnerId, UUID courseId, List<String> instructors, String user) {
        Partner partner = registry.find(partnerId).orElseThrow(() -> unknownPartner(partnerId));
        requireActiveEducationPartner(partner);
        Course course = records.lock(partnerId, courseId).orElseThrow(() -> new CourseRefusedException(
                HttpStatus.NOT_FOUND, "Unknown course", "合作伙伴 " + partnerId + " 没有课程 " + courseId
                + " Partner " + partnerId + " has no course " + courseId));
        if (course.state() != CourseState.SUSPENDED) {
            throw new CourseRefusedException(HttpStatus.CONFLICT, "Course not suspended", "课程未暂停，不能更换讲师 "
                    + "Course " + courseId + " is " + course.state() + ": instructors are replaced only while it "
                    + "is SUSPENDED");
        }
        List<FieldProblem> problems = new ArrayList<>(listProblems(instructors));
        if (problems.isEmpty()) {
            problems.addAll(unqualified(partnerId, course.requirement(), instructors));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCourseException(problems);
        }
        records.replaceInstructors(courseId, instructors);
        records.changeState(courseId, course.state(), CourseState.APPROVED, CourseEvents.RESUMED, null, user);
        outbox.publish(new CourseApproved(partnerId, courseId, course.title(), CourseEvents.RESUMED));
        workflows.notifyPartner(Bpmn.INSTRUCTORS_REPLACED_MESSAGE, partnerId, COURSE_ID, courseId.toString());
        return records.lock(partnerId, courseId).orElseThrow();
    }

    /** The replacement deadline passed: a course still suspended is withdrawn. */
    void withdrawUnreplaced(String partnerId, UUID courseId) {
        records.lock(partnerId, courseId).filter(course -> course.state() == CourseState.SUSPENDED)
                .ifPresent(course -> withdraw(course, "未在期限内指定持证讲师 No certified replacement instructor "
                        + "named by the deadline (" + course.replaceBy() + ")"));
    }

    /** The partnership ended: every course not yet ended is withdrawn. */
    void withdrawAll(String partnerId, String reason) {
        records.lockIn(List.of(partnerId), CourseState.OPEN).forEach(course -> withdraw(course, reason));
    }

    private void withdraw(Course course, String reason) {
        records.changeState(course.courseId(), course.state(), CourseState.WITHDRAWN, reason, null, null);
        outbox.publish(new CourseWithdrawn(course.partnerId(), course.courseId(), course.title(), reason));
    }

    private void suspend(Course course, String reason, String by) {
        Instant replaceBy = clock.today().plus(properties.replacementPeriod()).plusDays(1).atTime(LocalTime.MIDNIGHT)
                .atZone(ProgramClock.PROGRAM_ZONE).toInstant();
        records.changeState(course.courseId(), course.state(), CourseState.SUSPENDED, reason, replaceBy, by);
        outbox.publish(new CourseSuspended(course.partnerId(), course.courseId(), course.title(), reason,
                replaceBy.toString()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerId", course.partnerId());
        variables.put(COURSE_ID, course.courseId().toString());
        variables.put("courseTitle", course.title());
        variables.put("suspensionReason", reason);
        variables.put(REPLACE_BY, replaceBy.toString());
        workflows.start(Bpmn.COURSE_SUSPENSION, course.partnerId(), variables);
    }

    private List<CountedCertificate> counted(String partnerId) {
        return headcounts.countedToday(partnerId);
    }

    /** Each instructor of the course without a matching counted certificate, with what became of theirs. */
    private List<String> lapsedInstructors(Course course, List<CountedCertificate> counted) {
        List<String> lapsed = new ArrayList<>();
        for (String engineerId : course.instructors()) {
            if (!holdsMatching(counted, engineerId, course.requirement())) {
                List<String> why = headcounts.lapsedToday(course.partnerId(), engineerId);
                lapsed.add(engineerId + ": " + (why.isEmpty() ? "no longer holds " + course.requirement().describe()
                        : String.join(", ", why)));
            }
        }
        return lapsed;
    }

    private List<FieldProblem> unqualified(String partnerId, InstructorRequirement requirement,
                                           List<String> instructors) {
        List<CountedCertificate> counted = counted(partnerId);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < instructors.size(); i++) {
            String engineerId = instructors.get(i);
            if (!holdsMatching(counted, engineerId, requirement)) {
                problems.add(new FieldProblem("instructors[" + i + "]", "讲师 " + engineerId + " 无对应认证 "
                        + "instructor " + engineerId + " holds no " + requirement.describe() + " of partner "
                        + partnerId));
            }
        }
        return problems;
    }

    private static boolean holdsMatching(List<CountedCertificate> counted, String engineerId,
                                         InstructorRequirement requirement) {
        return counted.stream().anyMatch(certificate -> engineerId.equals(certificate.engineerId())
                && requirement.metBy(certificate));
    }

    private static List<FieldProblem> kindProblems(Registration registration) {
        List<FieldProblem> problems = new ArrayList<>();
        if (registration.kind() == CourseKind.CERTIFICATION) {
            if (registration.track() == null) {
                problems.add(new FieldProblem("track", "required for a CERTIFICATION course (AUTOMATION or DEVELOPMENT)"));
            } else if (registration.track() == Track.AUTOMATION && registration.level() == null) {
                problems.add(new FieldProblem("level", "required for an AUTOMATION certification course (SERVICE or USAGE)"));
            } else if (registration.track() == Track.DEVELOPMENT && registration.level() != null) {
                problems.add(new FieldProblem("level", "applies to AUTOMATION certification courses only"));
            }
        } else {
            if (registration.track() != null) {
                problems.add(new FieldProblem("track", "applies to CERTIFICATION courses only"));
            }
            if (registration.level() != null) {
                problems.add(new FieldProblem("level", "applies to CERTIFICATION courses only"));
            }
        }
        return problems;
    }

    private static List<FieldProblem> listProblems(List<String> instructors) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < instructors.size(); i++) {
            if (!seen.add(instructors.get(i))) {
                problems.add(new FieldProblem("instructors[" + i + "]", "instructor " + instructors.get(i)
                        + " is named more than once"));
            }
        }
        return problems;
    }

    private static void requireActiveEducationPartner(Partner partner) {
        if (partner.type() != PartnerType.EDUCATION) {
            throw new CourseRefusedException(HttpStatus.FORBIDDEN, "Not an education partner", "只有教育合作伙伴可以开设课程 "
                    + "Only EDUCATION partners run courses; " + partner.partnerId() + " is a " + partner.type()
                    + " partner");
        }
        if (partner.status() != PartnerStatus.ACTIVE) {
            throw new CourseRefusedException(HttpStatus.CONFLICT, "Partnership not active", "合作关系未生效 "
                    + "Partner " + partner.partnerId() + " is " + partner.status() + ": only an ACTIVE partner "
                    + "runs courses");
        }
    }

    private static CourseRefusedException unknownPartner(String partnerId) {
        return new CourseRefusedException(HttpStatus.NOT_FOUND, "Unknown partner", "未知合作伙伴 Unknown partner "
                + partnerId);
    }
}
