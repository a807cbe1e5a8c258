package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts on a new {@code follow-up-shortfall} task the figures its form shows: the headcount and the minimums of the
 * partner's last recorded tier decision (the one that opened the shortfall, recorded in the same transaction).
 * Copies local to the task, like its listed variables: the process itself needs none of them, and the evaluation
 * log keeps them.
 */
@Component("shortfallFigures")
class ShortfallFigures implements TaskListener {

    private final EvaluationLog evaluations;

    ShortfallFigures(EvaluationLog evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        evaluations.last(ProcessVariables.of(task).partnerId()).ifPresent(evaluation ->
                TierVariables.setLocal(task, evaluation.headcount(), evaluation.required()));
    }
}
