package com.tencent.bk.partner.deadlines;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/partners/{partnerId}/deadlines}: the running timers of a partner, and moving one. */
@RestController
@RequestMapping("/api/partners/{partnerId}/deadlines")
@PreAuthorize("hasAnyAuthority('GROUP_partner-managers', 'GROUP_camunda-admin')")
class DeadlineController {

    /** {@code dueAt} with its offset: program time ({@code +08:00}) as the program office writes it, or UTC. */
    record MoveDeadline(@NotNull OffsetDateTime dueAt, @NotBlank @Size(max = 1000) String reason) {
    }

    private final Deadlines deadlines;

    DeadlineController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping
    List<Deadlines.Deadline> list(@PathVariable String partnerId) {
        return deadlines.of(partnerId);
    }

    @GetMapping("/changes")
    List<Deadlines.Change> changes(@PathVariable String partnerId) {
        return deadlines.changes(partnerId);
    }

    /** Moves the timer (its BPMN id, e.g. {@code grace-period-ended}, {@code renewal-due}). */
    @PutMapping("/{timer}")
    @ApiResponse(responseCode = "200", description = "The deadline moved", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "The partner has no such running timer")
    Deadlines.Change move(@PathVariable String partnerId, @PathVariable String timer,
                          @Valid @RequestBody MoveDeadline body, Principal principal) {
        return deadlines.move(partnerId, timer, body.dueAt().toInstant(), body.reason(), principal.getName());
    }

    @ExceptionHandler(Deadlines.NoSuchDeadlineException.class)
    ProblemDetail notFound(Deadlines.NoSuchDeadlineException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
