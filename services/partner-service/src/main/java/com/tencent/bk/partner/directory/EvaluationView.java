package com.tencent.bk.partner.directory;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.tiering.Evaluation;
import com.tencent.bk.partner.tiering.EvaluationOutcome;
import com.tencent.bk.partner.tiering.Minimums;
import java.time.Instant;

/** A tier decision as the API shows it: outcome, inputs and the version of the rules. */
record EvaluationView(Instant evaluatedAt, String trigger, PartnerLevel level, EvaluationOutcome outcome,
                      PartnerLevel qualifyingLevel, Headcount headcount, Minimums required, String ruleVersion) {

    static EvaluationView of(Evaluation evaluation) {
        return new EvaluationView(evaluation.evaluatedAt(), evaluation.trigger(), evaluation.currentLevel(),
                evaluation.outcome(), evaluation.qualifyingLevel(), evaluation.headcount(), evaluation.required(),
                evaluation.ruleVersion());
    }
}
