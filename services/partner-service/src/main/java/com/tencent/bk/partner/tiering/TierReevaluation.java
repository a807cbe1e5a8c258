package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Keeps tiers honest during the cooperation. Evaluates ACTIVE partners after their headcount may have changed;
 * only when the result changes is it recorded and the engine involved: a running {@code tier-reevaluation} is
 * told ({@code HeadcountChanged}), or one is started for a shortfall or an upgrade. Every other evaluation
 * touches nothing but a read, which keeps the certification hot path cheap.
 */
@Component
public class TierReevaluation {

    private final PartnerRegistry registry;
    private final VerifiedHeadcounts headcounts;
    private final TierRules rules;
    private final EvaluationLog evaluations;
    private final Workflows workflows;
    private final DecidedEvaluations decided;

    TierReevaluation(PartnerRegistry registry, VerifiedHeadcounts headcounts, TierRules rules, EvaluationLog evaluations,
                     Workflows workflows, DecidedEvaluations decided) {
        this.decided = decided;
        this.registry = registry;
        this.headcounts = headcounts;
        this.rules = rules;
        this.evaluations = evaluations;
        this.workflows = workflows;
    }

    @org.springframework.context.event.EventListener
    void onHeadcountChange(com.tencent.bk.partner.certification.HeadcountMayHaveChanged change) {
        reevaluate(change.partnerIds(), change.trigger());
    }

    /**
     * An audit found the registered headcount does not match reality: from now on the tier is held against the
     * headcount the auditor verified (see {@link VerifiedHeadcounts}) and decided again. Below the minimum of the
     * partner's type and level, that opens a shortfall with its grace period like any other: restored by newly
     * certified engineers, or at the grace period's end a move down to the level still met (ENTERPRISE) or a
     * termination request.
     */
    public void reevaluateAfterAudit(String partnerId, String auditId, Headcount verified, String auditor) {
        headcounts.record(partnerId, auditId, verified, auditor);
        redecide(partnerId, "AUDIT_MISMATCH");
    }

    /**
     * An audit confirmed the registered headcount: an earlier verified headcount no longer holds, and the tier is
     * decided again against the registered one, which may meet more than the cap did (a shortfall closes, a
     * partner moved down on the cap qualifies for its level again) without any certificate changing.
     */
    public void confirmedByAudit(String partnerId) {
        if (headcounts.clear(partnerId)) {
            reevaluate(List.of(partnerId), "AUDIT_CONFIRMED");
        }
    }

    /**
     * A manager declined to terminate the partnership: its tier is decided again, so a shortfall that led to
     * the request gets a new grace period and task instead of going unwatched.
     */
    @org.springframework.context.event.EventListener
    void onTerminationDeclined(com.tencent.bk.partner.termination.TerminationDeclined declined) {
        redecide(declined.partnerId(), "TERMINATION_DECLINED");
    }

    /** Decides the tier and records it even when unchanged; a shortfall or upgrade starts (or reaches) re-evaluation. */
    private void redecide(String partnerId, String trigger) {
        for (Partner partner : registry.lockActive(List.of(partnerId))) {
            Evaluation evaluation = rules.evaluate(partner, headcounts.of(partnerId), trigger);
            long evaluationId = evaluations.record(evaluation);
            act(partner, evaluation, evaluationId, evaluation.outcome() == EvaluationOutcome.SHORTFALL
                    && workflows.isRunning(Bpmn.TIER_REEVALUATION, partnerId));
        }
    }

    /** @return how many partners' results changed */
    public int reevaluate(Collection<String> partnerIds, String trigger) {
        // the partners stay locked, and the results recorded commit or roll back with the processes they start, only
        // in the caller's transaction: a result recorded alone would never be decided again (nothing differs from it)
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "Tier re-evaluation runs inside its caller's transaction");
        List<Partner> active = registry.lockActive(partnerIds);
        if (active.isEmpty()) {
            return 0;
        }
        // read for all of them at once: a poll of certification events may touch hundreds of partners
        List<String> ids = active.stream().map(Partner::partnerId).toList();
        Map<String, Headcount> headcountsNow = headcounts.of(ids);
        Map<String, LastResult> lastResults = evaluations.lastResults(ids);
        Map<Partner, Evaluation> changed = new LinkedHashMap<>();
        for (Partner partner : active) {
            Evaluation evaluation = rules.evaluate(partner, headcountsNow.get(partner.partnerId()), trigger);
            LastResult last = lastResults.get(partner.partnerId());
            if (evaluation.differsFrom(last.outcome(), last.qualifyingLevel())) {
                changed.put(partner, evaluation);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        Set<String> reevaluating = workflows.runningFor(Bpmn.TIER_REEVALUATION,
                changed.keySet().stream().map(Partner::partnerId).toList());
        // recorded all at once (the caller's transaction holds the partners' locks); then acted on partner by
        // partner, in partner order; the processes of a poll's partners (one each) are started and told in shared
        // engine commands, flushed as batches
        Map<String, Long> recorded = evaluations.recordAll(List.copyOf(changed.values()));
        workflows.inCommandsByKey(new ArrayList<>(changed.entrySet()), entry -> entry.getKey().partnerId(), entry -> {
            String partnerId = entry.getKey().partnerId();
            act(entry.getKey(), entry.getValue(), recorded.get(partnerId), reevaluating.contains(partnerId));
        });
        return changed.size();
    }

    /**
     * @param evaluationId the id {@code evaluation} was recorded under
     * @param reevaluating whether a {@code tier-reevaluation} of the partner ran before this; each partner's steps
     *                     touch only its own processes, so it holds until {@code PartnerQualified} is delivered
     */
    private void act(Partner partner, Evaluation evaluation, long evaluationId, boolean reevaluating) {
        if (evaluation.outcome() != EvaluationOutcome.SHORTFALL) {
            // a renewal that found the partner unqualified waits until the contract's end for this
            workflows.notifyPartner(Bpmn.PARTNER_QUALIFIED_MESSAGE, partner.partnerId());
            reevaluating = workflows.isRunning(Bpmn.TIER_REEVALUATION, partner.partnerId());
        }
        if (reevaluating) {
            workflows.notifyPartner(Bpmn.HEADCOUNT_CHANGED_MESSAGE, partner.partnerId());
        } else if (evaluation.outcome() != EvaluationOutcome.MEETS) {
            // without variables: the first gateway asks StartingOutcome, the steps find the partner by business key
            decided.offerWhile(evaluation, evaluationId, () ->
                    workflows.start(Bpmn.TIER_REEVALUATION, partner.partnerId(), Map.of()));
        }
    }

    record LastResult(EvaluationOutcome outcome, com.tencent.bk.partner.registry.PartnerLevel qualifyingLevel) {
    }
}
