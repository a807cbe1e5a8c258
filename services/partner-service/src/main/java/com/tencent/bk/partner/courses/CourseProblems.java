package com.tencent.bk.partner.courses;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Why a course request was refused; each answered as problem+json by {@link CourseController}. */
final class CourseProblems {

    private CourseProblems() {
    }

    record FieldProblem(String field, String message) {
    }

    /** Bad fields, instructors without the matching certificate among them: 400 naming each. */
    static class InvalidCourseException extends RuntimeException {
        private final List<FieldProblem> problems;

        InvalidCourseException(List<FieldProblem> problems) {
            super(problems.size() + " invalid field(s): "
                    + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The partner or course does not allow this: unknown (404), not an education partner (403), not ACTIVE (409). */
    static class CourseRefusedException extends RuntimeException {
        private final HttpStatus status;
        private final String title;

        CourseRefusedException(HttpStatus status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        HttpStatus status() {
            return status;
        }

        String title() {
            return title;
        }
    }
}
