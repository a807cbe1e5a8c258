package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.Instant;

/**
 * A tier decision with its inputs: the headcount, the minimums of the partner's current level, the highest
 * level the headcount qualifies for (ENTERPRISE only), and the version of the rules that decided.
 */
public record Evaluation(String partnerId, Instant evaluatedAt, String trigger, PartnerType type,
                         PartnerLevel currentLevel, Headcount headcount, Minimums required,
                         PartnerLevel qualifyingLevel, EvaluationOutcome outcome, String ruleVersion) {

    /** Whether this result differs from the one last recorded for the partner. */
    public boolean differsFrom(EvaluationOutcome lastOutcome, PartnerLevel lastQualifyingLevel) {
        return outcome != lastOutcome || qualifyingLevel != lastQualifyingLevel;
    }
}
