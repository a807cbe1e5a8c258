package com.tencent.bk.partner.termination;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A manager or auditor raises a termination; another manager must confirm it. */
@RestController
class TerminationController {

    record RaiseTermination(@NotBlank @Size(max = 1000) String reason) {
    }

    private final Terminations terminations;

    TerminationController(Terminations terminations) {
        this.terminations = terminations;
    }

    /** {@code outcome}: CASE_STARTED (201), or that a case was already open (200). */
    record Raised(String partnerId, String outcome) {
    }

    @PostMapping("/api/partners/{partnerId}/terminations")
    @PreAuthorize("hasAnyAuthority('GROUP_partner-managers', 'GROUP_auditors', 'GROUP_camunda-admin')")
    @Transactional
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "200", description = "A termination case was already open for the partner",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The company has no live partnership")
    ResponseEntity<Raised> raise(@PathVariable String partnerId,
                                              @Valid @RequestBody RaiseTermination body, Principal principal) {
        Terminations.RequestOutcome outcome = terminations.request(partnerId, Terminations.Cause.RAISED_BY_USER,
                body.reason(), principal.getName());
        if (outcome == Terminations.RequestOutcome.NOT_ACTIVE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Company " + partnerId + " has no live partnership");
        }
        HttpStatus status = outcome == Terminations.RequestOutcome.CASE_STARTED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new Raised(partnerId, outcome.name()));
    }
}
