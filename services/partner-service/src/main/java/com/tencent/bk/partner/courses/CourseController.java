package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificationLevel;
import com.tencent.bk.partner.certification.Track;
import com.tencent.bk.partner.courses.CourseProblems.CourseRefusedException;
import com.tencent.bk.partner.courses.CourseProblems.InvalidCourseException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/partners/{partnerId}/courses}: the partner website registers an education partner's courses, lists
 * them with their state, and names replacement instructors for a suspended one (docs/contracts.md, "Added
 * interfaces"). Like {@code POST /api/applications}, any authenticated account may call it (the website uses its
 * own); what is allowed is decided by the partner's type and status and by its certificates.
 */
@RestController
@RequestMapping("/api/partners/{partnerId}/courses")
class CourseController {

    record RegisterCourse(@NotBlank @Size(max = 200) String title, @NotNull CourseKind kind, Track track,
                          CertificationLevel level,
                          @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> instructors) {
    }

    record ReplaceInstructors(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> instructors) {
    }

    record CourseView(UUID courseId, String partnerId, String title, CourseKind kind, Track track,
                      CertificationLevel level, CourseState state, String reason, Instant replaceBy,
                      List<String> instructors, Instant registeredAt) {
        static CourseView of(Course course) {
            return new CourseView(course.courseId(), course.partnerId(), course.title(), course.kind(),
                    course.track(), course.level(), course.state(), course.stateReason(), course.replaceBy(),
                    course.instructors(), course.registeredAt());
        }
    }

    record Registered(UUID courseId, String partnerId, CourseState state) {
    }

    private final Courses courses;

    CourseController(Courses courses) {
        this.courses = courses;
    }

    @PostMapping
    @Transactional
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "403", ref = "Forbidden", description = "The partner is no ACTIVE education partner")
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such partner")
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The course cannot be registered now")
    ResponseEntity<Registered> register(@PathVariable String partnerId, @Valid @RequestBody RegisterCourse body,
                                        Principal principal) {
        Course course = courses.register(partnerId, new Courses.Registration(body.title(), body.kind(), body.track(),
                body.level(), body.instructors()), principal.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/courses/" + course.courseId()))
                .body(new Registered(course.courseId(), partnerId, course.state()));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<CourseView> list(@PathVariable String partnerId) {
        return courses.of(partnerId).stream().map(CourseView::of).toList();
    }

    @PutMapping("/{courseId}/instructors")
    @Transactional
    @ApiResponse(responseCode = "200", description = "The course, approved again when every instructor is certified",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such course of the partner")
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The course is not suspended")
    CourseView replaceInstructors(@PathVariable String partnerId, @PathVariable UUID courseId,
                                  @Valid @RequestBody ReplaceInstructors body, Principal principal) {
        return CourseView.of(courses.replaceInstructors(partnerId, courseId, body.instructors(), principal.getName()));
    }

    @ExceptionHandler(InvalidCourseException.class)
    ProblemDetail invalid(InvalidCourseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(CourseRefusedException.class)
    ProblemDetail refused(CourseRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }
}
