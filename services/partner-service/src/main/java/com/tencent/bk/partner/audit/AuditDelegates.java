package com.tencent.bk.partner.audit;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.TaskDecisions;
import com.tencent.bk.partner.tiering.TierVariables;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code quarterly-audit}, each translating variables to one {@link Audits} call. */
@Configuration
class AuditDelegates {

    @Bean
    JavaDelegate drawAuditSample(Audits audits) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            String given = variables.optionalText("auditId"); // none when started by the quarterly timer
            String auditId = given != null ? given : audits.newAuditId();
            // the seed is the service's own: no variable can choose it
            Audits.Audit audit = audits.draw(auditId, (Integer) execution.getVariable("requestedSampleSize"),
                    variables.optionalText("startedBy"));
            execution.setVariable("auditId", audit.auditId());
            execution.setVariable("sampledPartners", new ArrayList<>(audit.sampled()));
            execution.setVariable("sampleSize", audit.sampleSize());
            execution.setVariable("auditSeed", audit.seed());
        };
    }

    /** Start of each partner's case: the facts the auditor's form shows, local to the case. */
    @Bean
    ExecutionListener auditCaseOpened(Audits audits) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            Audits.CaseFacts facts = audits.facts(variables.text("auditId"), variables.text("auditedPartnerId"));
            execution.setVariableLocal("companyName", facts.partner().companyName());
            execution.setVariableLocal("partnerType", facts.partner().type().name());
            execution.setVariableLocal("currentLevel",
                    facts.partner().level() == null ? null : facts.partner().level().name());
            execution.setVariableLocal("evidenceSummary", facts.evidenceSummary());
            TierVariables.setLocal(execution, facts.headcount(), facts.required());
        };
    }

    @Bean
    JavaDelegate recordAuditOutcome(Audits audits, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            // this case's decision: each sampled partner is one execution of the multi-instance
            DecisionLog.Recorded decision = decisions.inThisExecution(execution, Bpmn.AUDIT_PARTNER);
            AuditOutcome outcome = AuditOutcome.valueOf(decision.value());
            Headcount verified = null;
            if (outcome == AuditOutcome.MISMATCH) {
                int[] counts = TaskDecisions.verifiedHeadcountOf(decision.details());
                verified = new Headcount(counts[0], counts[1], counts[2]);
            }
            audits.record(variables.text("auditId"), variables.text("auditedPartnerId"), outcome,
                    decision.comment(), decision.decidedBy(), verified);
        };
    }
}
