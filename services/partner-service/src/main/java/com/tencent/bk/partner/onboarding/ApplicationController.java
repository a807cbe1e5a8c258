package com.tencent.bk.partner.onboarding;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/applications}: the partner website submits an application. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    /** The answer to a submitted application; its {@code Location} is the partner's URL. */
    record Submitted(UUID applicationId, String partnerId, String status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", ref = "Conflict",
            description = "The company already has an open application or an active partnership")
    ResponseEntity<Submitted> submit(@Valid @RequestBody ApplicationRequest request, Principal principal) {
        UUID applicationId = applications.submit(request, principal == null ? null : principal.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + request.partnerId()))
                .body(new Submitted(applicationId, request.partnerId(), "APPLIED"));
    }

    @ExceptionHandler(ApplicationConflictException.class)
    ProblemDetail conflict(ApplicationConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Application not accepted");
        return problem;
    }
}
