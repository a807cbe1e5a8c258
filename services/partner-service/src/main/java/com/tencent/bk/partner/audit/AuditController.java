package com.tencent.bk.partner.audit;

import com.tencent.bk.partner.process.Bpmn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Null;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Starting an audit by hand (besides the quarterly timer), and reading one: sample, seed, population. */
@RestController
@Validated
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_camunda-admin')")
class AuditController {

    /**
     * The sample size is optional (the configured one by default). The seed is never the caller's: the service
     * draws it and records it, and a request naming one is refused. A draw is reproduced by replaying the
     * recorded one ({@code GET /api/audits/{auditId}}: seed, population, sample), not by choosing a seed.
     */
    record StartAudit(@Min(0) @Max(10_000) Integer sampleSize,
                      @Null(message = "is drawn by the service and recorded; replay a recorded draw instead")
                      Long seed) {
    }

    private final RuntimeService runtime;
    private final Audits audits;

    AuditController(RuntimeService runtime, Audits audits) {
        this.runtime = runtime;
        this.audits = audits;
    }

    @PostMapping("/api/audits")
    @Transactional
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Audits.Audit> start(@RequestBody(required = false) @jakarta.validation.Valid StartAudit body,
                                       Principal principal) {
        String auditId = audits.newAuditId();
        Map<String, Object> variables = new HashMap<>();
        variables.put("auditId", auditId);
        variables.put("requestedSampleSize", body == null ? null : body.sampleSize());
        variables.put("startedBy", principal.getName());
        runtime.createMessageCorrelation(Bpmn.AUDIT_REQUESTED_MESSAGE).processInstanceBusinessKey(auditId)
                .setVariables(variables).correlateStartMessage();
        return ResponseEntity.status(HttpStatus.CREATED).body(audits.find(auditId).orElseThrow());
    }

    @GetMapping("/api/audits/{auditId}")
    @ApiResponse(responseCode = "200", description = "The audit: seed, population, sample", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such audit")
    Audits.Audit audit(@PathVariable String auditId) {
        return audits.find(auditId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit " + auditId));
    }
}
