package com.tencent.bk.partner.renewal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/partners/{partnerId}/renewal-attestations}: the partner website confirms the attestations for
 * the new term while a renewal is open (from its renewal check until it is renewed or ends). {@code 201}; {@code
 * 400} naming each field that is missing or not true; {@code 409} when the partner has no open renewal.
 */
@RestController
class RenewalAttestationController {

    record Attestation(long attestationId, String partnerId, String contractId) {
    }

    private final Renewals renewals;

    RenewalAttestationController(Renewals renewals) {
        this.renewals = renewals;
    }

    @PostMapping("/api/partners/{partnerId}/renewal-attestations")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The partner has no open renewal")
    ResponseEntity<Attestation> attest(@PathVariable String partnerId,
                                               @Valid @RequestBody RenewalAttestationRequest request,
                                               Principal principal) {
        Renewals.Attested attested = renewals.attest(partnerId, request.acceptsProgramRules(),
                request.noCompetingProducts(), principal.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/renewal-attestations/"
                        + attested.attestationId()))
                .body(new Attestation(attested.attestationId(), partnerId, attested.contractId()));
    }

    @ExceptionHandler(Renewals.NoOpenRenewalException.class)
    ProblemDetail noOpenRenewal(Renewals.NoOpenRenewalException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("No renewal open");
        return problem;
    }
}
