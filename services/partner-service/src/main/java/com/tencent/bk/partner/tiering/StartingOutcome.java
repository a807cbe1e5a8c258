package com.tencent.bk.partner.tiering;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the first gateway of {@code tier-reevaluation} routes on: the decision that started the process, from the
 * registry by the business key, never from a process variable. Inside the start call it is the decision on offer
 * ({@link DecidedEvaluations}), recorded in the same transaction just before; anywhere else (a start from Cockpit,
 * say) the partner's last recorded decision. A start with nothing to act on (the partner meets its minimums, or was
 * never decided) is refused rather than opening a shortfall nobody found.
 */
@Component("startingOutcome")
public class StartingOutcome {

    private final DecidedEvaluations decided;
    private final EvaluationLog evaluations;

    StartingOutcome(DecidedEvaluations decided, EvaluationLog evaluations) {
        this.decided = decided;
        this.evaluations = evaluations;
    }

    /** @return true for an upgrade, false for a shortfall; refuses any other start */
    public boolean isUpgrade(DelegateExecution execution) {
        String partnerId = execution.getProcessBusinessKey();
        if (partnerId == null) {
            throw new IllegalStateException("tier-reevaluation needs the partner's id as its business key");
        }
        EvaluationOutcome outcome = decided.offered(partnerId).map(Evaluation::outcome).orElseGet(() -> {
            TierReevaluation.LastResult last = evaluations.lastResults(List.of(partnerId)).get(partnerId);
            return last == null ? null : last.outcome();
        });
        if (outcome != EvaluationOutcome.UPGRADE && outcome != EvaluationOutcome.SHORTFALL) {
            throw new IllegalStateException("tier-reevaluation of " + partnerId
                    + " has nothing to act on: the partner's recorded decision is " + outcome
                    + ", not a shortfall or an upgrade");
        }
        return outcome == EvaluationOutcome.UPGRADE;
    }
}
