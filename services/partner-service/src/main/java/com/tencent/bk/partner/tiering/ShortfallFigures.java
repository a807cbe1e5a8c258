package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.process.FormFiguresSource;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.Variables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The figures a {@code follow-up-shortfall} task's form shows: the headcount and the minimums of the tier decision
 * that opened the shortfall (recorded in the same transaction as the task is created). The task keeps only that
 * decision's id, local to it ({@value #DECISION}); its form reads the six figures from the evaluation log when it
 * is opened. Six copies per shortfall were the largest share of a revocation's writes.
 */
@Component("shortfallFigures")
class ShortfallFigures implements TaskListener, FormFiguresSource {

    /** The task-local variable naming the evaluation that opened the shortfall. */
    static final String DECISION = Variables.SHORTFALL_EVALUATION_ID;

    private final EvaluationLog evaluations;

    ShortfallFigures(EvaluationLog evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        evaluations.lastId(ProcessVariables.of(task).partnerId()).ifPresent(id -> task.setVariableLocal(DECISION, id));
    }

    @Override
    public String reference() {
        return DECISION;
    }

    @Override
    public Map<String, Object> figures(Object reference) {
        if (!(reference instanceof Number id)) {
            return Map.of();
        }
        return evaluations.byId(id.longValue())
                .map(evaluation -> TierVariables.of(evaluation.headcount(), evaluation.required()))
                .orElse(Map.of());
    }
}
