package com.tencent.bk.partner.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Education partners teach only with certified instructors (issue 13, part 1), from outside: the website's HTTP
 * calls, reviewers in Camunda's REST API, certification and compliance events on Kafka, and the outbound events
 * read back from {@code bk.partner.events}.
 */
class CourseTest extends ServiceIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void registrationNamesEachInstructorWithoutTheMatchingCertificate() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "EDUCATION", 2, 2);
        certify(partnerId, "usage-0", "AUTOMATION", "USAGE", null);
        awaitConsumed(partnerId);

        ResponseEntity<String> refused = register(partnerId, certificationCourse("AUTOMATION", "SERVICE",
                engineer(partnerId, "auto-0"), engineer(partnerId, "usage-0"), engineer(partnerId, "dev-0"),
                "nobody@" + partnerId));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        JsonNode errors = EngineRestClient.read(refused.getBody()).path("errors");
        assertThat(errors.findValuesAsText("field"))
                .containsExactly("instructors[1]", "instructors[2]", "instructors[3]");
        assertThat(errors.get(0).path("message").asText()).contains("usage-0@" + partnerId, "AUTOMATION SERVICE");

        // SERVICE covers USAGE; the other kinds need any valid BlueKing certificate
        assertThat(register(partnerId, certificationCourse("AUTOMATION", "USAGE", engineer(partnerId, "auto-0"),
                engineer(partnerId, "usage-0"))).getStatusCode().value()).isEqualTo(201);
        assertThat(register(partnerId, courseBody("ENTERPRISE_TRAINING", engineer(partnerId, "dev-0")))
                .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> noTrack = register(partnerId, courseBody("CERTIFICATION", engineer(partnerId, "dev-0")));
        assertThat(noTrack.getStatusCode().value()).isEqualTo(400);
        assertThat(EngineRestClient.read(noTrack.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("track");

        JsonNode courses = courses(partnerId);
        assertThat(courses).hasSize(2);
        assertThat(courses.findValuesAsText("state")).containsOnly("UNDER_REVIEW");
    }

    @Test
    void onlyAnActiveEducationPartnerRegistersCourses() {
        String community = Companies.newPartnerId();
        activePartner(community, "COMMUNITY", 2, 1);
        ResponseEntity<String> notEducation = register(community, courseBody("AUTOMATION_OPERATIONS",
                engineer(community, "auto-0")));
        assertThat(notEducation.getStatusCode().value()).as(notEducation.getBody()).isEqualTo(403);
        assertThat(notEducation.getBody()).contains("EDUCATION", "COMMUNITY");

        String applicant = Companies.newPartnerId();
        certify(applicant, "auto-0", "AUTOMATION", "SERVICE", null);
        certify(applicant, "dev-0", "DEVELOPMENT", null, null);
        awaitConsumed(applicant);
        assertThat(apply(Companies.application(applicant, "EDUCATION")).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> notActive = register(applicant, courseBody("AUTOMATION_OPERATIONS",
                engineer(applicant, "auto-0")));
        assertThat(notActive.getStatusCode().value()).as(notActive.getBody()).isEqualTo(409);

        assertThat(register(Companies.newPartnerId(), courseBody("AUTOMATION_OPERATIONS", "x")).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aPartnerCannotTeachWithAnotherCompanysEngineer() {
        String partnerId = Companies.newPartnerId();
        String other = Companies.newPartnerId();
        activePartner(partnerId, "EDUCATION", 1, 1);
        activePartner(other, "EDUCATION", 1, 1);

        ResponseEntity<String> refused = register(partnerId, courseBody("LARGE_SCALE_PRACTICE", engineer(other, "auto-0")));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(EngineRestClient.read(refused.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("instructors[0]");
        assertThat(courses(partnerId)).isEmpty();
    }

    @Test
    void approvedCourseIsPublishedAndARejectionNeedsAComment() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "EDUCATION", 1, 1);
        String approved = registered(partnerId, certificationCourse("DEVELOPMENT", null, engineer(partnerId, "dev-0")));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-course");

        // the reviewer may decide, not add variables of their own
        assertThat(engine.claim(TestUsers.REVIEWER, review).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> tampered = engine.complete(TestUsers.REVIEWER, review,
                Map.of("approved", true, "comment", "ok", "courseId", "00000000-0000-0000-0000-000000000000"));
        assertThat(tampered.getStatusCode().value()).as(tampered.getBody()).isEqualTo(400);
        assertThat(tampered.getBody()).contains("courseId: not a variable of task review-course");
        assertThat(engine.complete(TestUsers.REVIEWER, review, Map.of("approved", true, "comment", "内容完整 complete"))
                .getStatusCode().value()).isEqualTo(204);

        JsonNode published = awaitCourseEvent(partnerId, "bk.partner.course-approved", approved);
        assertThat(published.path("reason").asText()).contains(TestUsers.REVIEWER);
        assertThat(state(partnerId, approved)).isEqualTo("APPROVED");

        String rejected = registered(partnerId, courseBody("AUTOMATION_OPERATIONS", engineer(partnerId, "auto-0")));
        String second = awaitReviewOf(partnerId, rejected);
        assertThat(engine.claim(TestUsers.REVIEWER, second).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> noReason = engine.complete(TestUsers.REVIEWER, second, Map.of("approved", false));
        assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("comment");
        assertThat(engine.complete(TestUsers.REVIEWER, second, Map.of("approved", false, "comment", "大纲缺失 no syllabus"))
                .getStatusCode().value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "REJECTED".equals(state(partnerId, rejected)));
        assertThat(course(partnerId, rejected).path("reason").asText()).contains("no syllabus");
    }

    @Test
    void revokedInstructorCertificateSuspendsTheCourseUntilACertifiedReplacementResumesIt() {
        String partnerId = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "EDUCATION", 2, 2);
        String courseId = approvedCourse(partnerId, certificationCourse("AUTOMATION", "SERVICE",
                engineer(partnerId, "auto-0")));

        revoke(partnerId, certificates.get(0));

        JsonNode suspended = awaitCourseEvent(partnerId, "bk.partner.course-suspended", courseId);
        assertThat(suspended.path("reason").asText()).contains("auto-0@" + partnerId, certificates.get(0), "revoked");
        JsonNode course = course(partnerId, courseId);
        assertThat(course.path("state").asText()).isEqualTo("SUSPENDED");
        assertThat(Instant.parse(course.path("replaceBy").asText())).isAfter(Instant.now().plus(Duration.ofDays(29)));

        ResponseEntity<String> uncertified = replace(partnerId, courseId, engineer(partnerId, "dev-0"));
        assertThat(uncertified.getStatusCode().value()).as(uncertified.getBody()).isEqualTo(400);
        assertThat(uncertified.getBody()).contains("instructors[0]", "dev-0@" + partnerId);
        ResponseEntity<String> replaced = replace(partnerId, courseId, engineer(partnerId, "auto-1"));
        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);

        // the second course-approved event of the course: the first was its approval
        JsonNode resumed = awaitCourseEvent(partnerId, "bk.partner.course-approved", courseId, 2);
        assertThat(resumed.path("reason").asText()).startsWith("RESUMED");
        course = course(partnerId, courseId);
        assertThat(course.path("state").asText()).isEqualTo("APPROVED");
        assertThat(course.path("instructors").get(0).asText()).isEqualTo(engineer(partnerId, "auto-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !running("course-suspension", partnerId));
        // an approved course has no instructors to replace
        assertThat(replace(partnerId, courseId, engineer(partnerId, "auto-1")).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void instructorTransferredToAnotherCompanySuspendsTheCourseAndNoReplacementWithdrawsIt() {
        String partnerId = Companies.newPartnerId();
        String newEmployer = Companies.newPartnerId();
        List<String> certificates = activePartner(partnerId, "EDUCATION", 2, 2);
        String courseId = approvedCourse(partnerId, courseBody("ENTERPRISE_TRAINING", engineer(partnerId, "dev-0")));

        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.transferred", Map.of("certificateId",
                certificates.get(2), "fromPartnerId", partnerId, "toPartnerId", newEmployer));

        JsonNode suspended = awaitCourseEvent(partnerId, "bk.partner.course-suspended", courseId);
        assertThat(suspended.path("reason").asText()).contains("dev-0@" + partnerId, "transferred to " + newEmployer);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(partnerId).findValuesAsText("timer")
                .contains("replacement-due"));
        ResponseEntity<String> moved = rest.withBasicAuth(TestUsers.MANAGER, TestUsers.password(TestUsers.MANAGER))
                .exchange("/api/partners/" + partnerId + "/deadlines/replacement-due", HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(Map.of("dueAt", Instant.now().minusSeconds(1)
                                .toString(), "reason", "test: the deadline passed")), String.class);
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);

        JsonNode withdrawn = awaitCourseEvent(partnerId, "bk.partner.course-withdrawn", courseId);
        assertThat(withdrawn.path("reason").asText()).contains("No certified replacement");
        assertThat(state(partnerId, courseId)).isEqualTo("WITHDRAWN");
        assertThat(replace(partnerId, courseId, engineer(partnerId, "dev-1")).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void terminationWithdrawsEveryCourseAndEndsTheBenefits() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "EDUCATION", 1, 1);
        String running = approvedCourse(partnerId, courseBody("AUTOMATION_OPERATIONS", engineer(partnerId, "auto-0")));
        String underReview = registered(partnerId, courseBody("LARGE_SCALE_PRACTICE", engineer(partnerId, "dev-0")));

        kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported", Map.of(
                "caseId", "CASE-" + partnerId, "partnerId", partnerId, "category", "RULE_BREACH",
                "description", "reported by the compliance team"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", true, "comment", "核实 verified"));

        assertThat(awaitCourseEvent(partnerId, "bk.partner.course-withdrawn", running).path("reason").asText())
                .contains("terminated");
        awaitCourseEvent(partnerId, "bk.partner.course-withdrawn", underReview);
        assertThat(courses(partnerId).findValuesAsText("state")).containsOnly("WITHDRAWN");
        assertThat(running("course-review", partnerId)).isFalse();

        JsonNode benefits = kafka.awaitPartnerEvent(partnerId, "bk.partner.benefits-changed").path("data");
        assertThat(benefits.path("reason").asText()).isEqualTo("TERMINATED");
        assertThat(benefits.path("type").asText()).isEqualTo("EDUCATION");
        assertThat(benefits.path("benefits").isArray()).isTrue();
        assertThat(benefits.path("benefits")).isEmpty();
    }

    // --- helpers

    private static String engineer(String partnerId, String name) {
        return name + "@" + partnerId;
    }

    private static Map<String, Object> courseBody(String kind, String... instructors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "蓝鲸课程 BlueKing course " + kind);
        body.put("kind", kind);
        body.put("instructors", List.of(instructors));
        return body;
    }

    private static Map<String, Object> certificationCourse(String track, String level, String... instructors) {
        Map<String, Object> body = courseBody("CERTIFICATION", instructors);
        body.put("track", track);
        if (level != null) {
            body.put("level", level);
        }
        return body;
    }

    private ResponseEntity<String> register(String partnerId, Map<String, Object> body) {
        return engine.post(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/courses", body);
    }

    private String registered(String partnerId, Map<String, Object> body) {
        ResponseEntity<String> response = register(partnerId, body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return EngineRestClient.read(response.getBody()).path("courseId").asText();
    }

    private String approvedCourse(String partnerId, Map<String, Object> body) {
        String courseId = registered(partnerId, body);
        engine.work(TestUsers.REVIEWER, awaitReviewOf(partnerId, courseId),
                Map.of("approved", true, "comment", "ok"));
        awaitCourseEvent(partnerId, "bk.partner.course-approved", courseId);
        return courseId;
    }

    /** The review task of this course: the tests keep at most one course of a partner under review at a time. */
    private String awaitReviewOf(String partnerId, String courseId) {
        assertThat(state(partnerId, courseId)).isEqualTo("UNDER_REVIEW");
        return engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-course");
    }

    private ResponseEntity<String> replace(String partnerId, String courseId, String... instructors) {
        return engine.exchange(TestUsers.WEBSITE, HttpMethod.PUT, "/api/partners/" + partnerId + "/courses/"
                + courseId + "/instructors", Map.of("instructors", List.of(instructors)));
    }

    private JsonNode courses(String partnerId) {
        ResponseEntity<String> response = engine.get(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/courses");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EngineRestClient.read(response.getBody());
    }

    private JsonNode course(String partnerId, String courseId) {
        for (JsonNode course : courses(partnerId)) {
            if (courseId.equals(course.path("courseId").asText())) {
                return course;
            }
        }
        throw new AssertionError("no course " + courseId);
    }

    private String state(String partnerId, String courseId) {
        return course(partnerId, courseId).path("state").asText();
    }

    /** The first event of this type about this course, waited for; its data. */
    private JsonNode awaitCourseEvent(String partnerId, String type, String courseId) {
        return awaitCourseEvent(partnerId, type, courseId, 1);
    }

    /** The {@code occurrence}-th event of this type about this course (from 1), waited for; its data. */
    private JsonNode awaitCourseEvent(String partnerId, String type, String courseId, int occurrence) {
        java.util.concurrent.atomic.AtomicReference<List<JsonNode>> events =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            events.set(kafka.partnerEvents(partnerId).stream()
                    .filter(candidate -> type.equals(candidate.path("type").asText())
                            && courseId.equals(candidate.path("data").path("courseId").asText()))
                    .map(candidate -> candidate.path("data")).toList());
            return events.get().size() >= occurrence;
        });
        return events.get().get(occurrence - 1);
    }


    private boolean running(String processKey, String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(partnerId).count() > 0;
    }
}
