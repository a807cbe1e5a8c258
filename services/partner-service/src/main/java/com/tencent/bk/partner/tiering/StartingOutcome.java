package com.tencent.bk.partner.tiering;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the first gateway of {@code tier-reevaluation} routes on: the decision that started the process, from the
 * registry by the business key, never from a process variable. Inside the start call it is the decision on offer
 * ({@link DecidedEvaluations}), recorded in the same transaction just before; anywhere else (a start from Cockpit,
 * say) the partner's last recorded decision.
 */
@Component("startingOutcome")
public class StartingOutcome {

    private final DecidedEvaluations decided;
    private final EvaluationLog evaluations;

    StartingOutcome(DecidedEvaluations decided, EvaluationLog evaluations) {
        this.decided = decided;
        this.evaluations = evaluations;
    }

    public boolean isUpgrade(DelegateExecution execution) {
        String partnerId = execution.getProcessBusinessKey();
        EvaluationOutcome outcome = decided.offered(partnerId).map(Evaluation::outcome).orElseGet(() -> {
            TierReevaluation.LastResult last = evaluations.lastResults(List.of(partnerId)).get(partnerId);
            return last == null ? null : last.outcome();
        });
        return outcome == EvaluationOutcome.UPGRADE;
    }
}
