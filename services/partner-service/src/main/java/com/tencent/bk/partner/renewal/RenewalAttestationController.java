package com.tencent.bk.partner.renewal;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/partners/{partnerId}/renewal-attestations}: the partner website confirms the attestations for
 * the new term while a renewal is open (from its renewal check until it is renewed or ends). {@code 201}; {@code
 * 400} naming each field that is missing or not true; {@code 409} when the partner has no open renewal.
 */
@RestController
class RenewalAttestationController {

    private final Renewals renewals;

    RenewalAttestationController(Renewals renewals) {
        this.renewals = renewals;
    }

    @PostMapping("/api/partners/{partnerId}/renewal-attestations")
    ResponseEntity<Map<String, Object>> attest(@PathVariable String partnerId,
                                               @Valid @RequestBody RenewalAttestationRequest request,
                                               Principal principal) {
        Renewals.Attested attested = renewals.attest(partnerId, request.acceptsProgramRules(),
                request.noCompetingProducts(), principal.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/renewal-attestations/"
                        + attested.attestationId()))
                .body(Map.of("attestationId", attested.attestationId(), "partnerId", partnerId,
                        "contractId", attested.contractId()));
    }

    @ExceptionHandler(Renewals.NoOpenRenewalException.class)
    ProblemDetail noOpenRenewal(Renewals.NoOpenRenewalException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("No renewal open");
        return problem;
    }
}
