package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every termination request is recorded; for a live partnership (ACTIVE, or still in onboarding) it opens a {@code contract-termination} case
 * unless one is already open (at most one per partner: the later request joins it, linked to the case).
 */
@Component
class TerminationCases implements Terminations {

    private static final Logger log = LoggerFactory.getLogger(TerminationCases.class);

    private final JdbcClient jdbc;
    private final PartnerRegistry registry;
    private final Workflows workflows;
    private final ProgramClock clock;

    TerminationCases(JdbcClient jdbc, PartnerRegistry registry, Workflows workflows, ProgramClock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public RequestOutcome request(String partnerId, Cause cause, String reason, String raisedBy) {
        // a live partnership: ACTIVE, or a company still in onboarding (its application ends with the case)
        Optional<Partner> partner = registry.lock(partnerId)
                .filter(found -> PartnerStatus.BLOCKS_NEW_APPLICATION.contains(found.status()));
        Optional<String> openCase = partner.isEmpty() ? Optional.empty()
                : workflows.runningInstance(Bpmn.CONTRACT_TERMINATION, partnerId);
        RequestOutcome outcome = partner.isEmpty() ? RequestOutcome.NOT_ACTIVE
                : openCase.isPresent() ? RequestOutcome.CASE_ALREADY_OPEN
                : RequestOutcome.CASE_STARTED;
        // a request that joins the open case is linked to it: its raiser may not confirm that case either
        String processInstanceId = outcome == RequestOutcome.CASE_STARTED
                ? workflows.start(Bpmn.CONTRACT_TERMINATION, partnerId, variables(partner.get(), cause, reason, raisedBy))
                : openCase.orElse(null);
        jdbc.sql("""
                        insert into program.termination_request (partner_id, cause, reason, raised_by, requested_at,
                                                                 outcome, process_instance_id)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(partnerId, cause.name(), reason, raisedBy, Timestamp.from(clock.now()),
                        outcome == RequestOutcome.NOT_ACTIVE ? "NOT_ACTIVE" : null, processInstanceId)
                .update();
        log.warn("Termination requested for {} ({}): {} -> {}", partnerId, cause, reason, outcome);
        return outcome;
    }

    /**
     * Locks the partner's row until the transaction ends, as {@link #request} does: a case is decided and a
     * request joins it one after the other, never both at once (a request joining a case being closed would be
     * left undecided, its breach without a case, and its raiser unseen by the four-eyes rule).
     */
    void holdPartner(String partnerId) {
        registry.lock(partnerId);
    }

    /** Closes the open requests of the partner with the case's decision, who took it and why. */
    void decide(String partnerId, String decision, String decidedBy, String comment) {
        jdbc.sql("""
                        update program.termination_request set outcome = ?, decided_by = ?, decision_comment = ?
                        where partner_id = ? and outcome is null
                        """)
                .params(decision, decidedBy, comment, partnerId).update();
    }

    /**
     * The users who raised any request attached to this case: the one that opened it and every later one that
     * joined it. Requests recorded before joining ones were linked to their case are still undecided rows of
     * the partner (a case decides all of them when it closes), so those count too.
     */
    Set<String> raisersOf(String caseProcessInstanceId, String partnerId) {
        return Set.copyOf(jdbc.sql("""
                        select distinct raised_by from program.termination_request
                        where raised_by is not null
                          and (process_instance_id = ? or (partner_id = ? and outcome is null))
                        """)
                .params(caseProcessInstanceId, partnerId).query(String.class).list());
    }

    private static Map<String, Object> variables(Partner partner, Cause cause, String reason, String raisedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerId", partner.partnerId());
        variables.put("companyName", partner.companyName());
        variables.put("partnerType", partner.type().name());
        variables.put("currentLevel", partner.level() == null ? null : partner.level().name());
        variables.put("terminationCause", cause.name());
        variables.put("terminationReason", reason);
        variables.put("raisedBy", raisedBy);
        return variables;
    }
}
