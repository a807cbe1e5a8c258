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
    private final DecidedEvaluations decided;

    ShortfallFigures(EvaluationLog evaluations, DecidedEvaluations decided) {
        this.evaluations = evaluations;
        this.decided = decided;
    }

    /** The decision starting the process when there is one (the usual case), else the partner's last one. */
    @Override
    public void notify(DelegateTask task) {
        String partnerId = ProcessVariables.of(task).partnerId();
        decided.startingDecisionId(partnerId).or(() -> evaluations.lastId(partnerId))
                .ifPresent(id -> task.setVariableLocal(DECISION, id));
    }

    @Override
    public Object referenceOf(DelegateTask task) {
        return task.getVariableLocal(DECISION);
    }

    @Override
    public Map<String, Object> figures(Object reference) {
        if (!(reference instanceof Number id)) {
            return Map.of();
        }
        return evaluations.figures(id.longValue())
                .map(figures -> TierVariables.of(figures.headcount(), figures.required()))
                .orElse(Map.of());
    }
}
