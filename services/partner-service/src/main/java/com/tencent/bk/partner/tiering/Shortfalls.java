package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.benefits.Benefits;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.termination.Terminations;
import com.tencent.bk.partner.tiering.TierEvents.LevelChanged;
import com.tencent.bk.partner.tiering.TierEvents.ShortfallClosed;
import com.tencent.bk.partner.tiering.TierEvents.ShortfallOpened;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** What the steps of {@code tier-reevaluation} do: level changes, and a shortfall from opening to its end. */
@Component
class Shortfalls {

    static final String UPGRADE_REASON = "认证人数达到更高等级要求 Headcount qualifies for a higher level";
    static final String DOWNGRADE_REASON = "宽限期内未恢复认证人数 Headcount not restored within the grace period";

    private final PartnerRegistry registry;
    private final VerifiedHeadcounts headcounts;
    private final TierRules rules;
    private final EvaluationLog evaluations;
    private final Outbox outbox;
    private final Terminations terminations;
    private final ProgramClock clock;
    private final TieringProperties properties;
    private final Benefits benefits;
    private final DecidedEvaluations decided;

    Shortfalls(PartnerRegistry registry, VerifiedHeadcounts headcounts, TierRules rules, EvaluationLog evaluations,
               Outbox outbox, Terminations terminations, ProgramClock clock, TieringProperties properties,
               Benefits benefits, DecidedEvaluations decided) {
        this.decided = decided;
        this.benefits = benefits;
        this.registry = registry;
        this.headcounts = headcounts;
        this.rules = rules;
        this.evaluations = evaluations;
        this.outbox = outbox;
        this.terminations = terminations;
        this.clock = clock;
        this.properties = properties;
    }

    /** Evaluates the partner as it is now. */
    Evaluation evaluateNow(String partnerId, String trigger) {
        Partner partner = registry.lock(partnerId).orElseThrow(() ->
                new IllegalStateException("Unknown partner " + partnerId));
        return rules.evaluate(partner, headcounts.of(partnerId), trigger);
    }

    /** Moves the partner up to the level its headcount qualifies for, if still so. */
    void upgrade(String partnerId) {
        Evaluation now = evaluateNow(partnerId, "UPGRADE");
        if (now.outcome() == EvaluationOutcome.UPGRADE) {
            changeLevel(now, now.qualifyingLevel(), UPGRADE_REASON);
        }
    }

    /** @return the last day of the grace period */
    LocalDate open(String partnerId) {
        // opened right by the re-evaluation that found the shortfall: its figures, same lock, same transaction
        Evaluation now = decided.take(partnerId).orElseGet(() -> evaluateNow(partnerId, "SHORTFALL_OPENED"));
        LocalDate graceEndsOn = clock.today().plus(properties.gracePeriod());
        outbox.publish(new ShortfallOpened(partnerId, now.required(), now.headcount(), graceEndsOn));
        return graceEndsOn;
    }

    boolean restored(String partnerId) {
        return evaluateNow(partnerId, "RECHECK").outcome() != EvaluationOutcome.SHORTFALL;
    }

    void close(String partnerId, LocalDate graceEndsOn) {
        Evaluation now = evaluateNow(partnerId, "SHORTFALL_CLOSED");
        outbox.publish(new ShortfallClosed(partnerId, now.required(), now.headcount(), graceEndsOn));
        if (now.outcome() == EvaluationOutcome.UPGRADE) {
            changeLevel(now, now.qualifyingLevel(), UPGRADE_REASON);
        }
    }

    /**
     * The grace period ended. Restored after all: closed. An enterprise partner whose headcount still fits a
     * lower level moves down to it; anyone else has its contract terminated.
     */
    void conclude(String partnerId, LocalDate graceEndsOn) {
        Evaluation now = evaluateNow(partnerId, "GRACE_PERIOD_ENDED");
        if (now.outcome() != EvaluationOutcome.SHORTFALL) {
            close(partnerId, graceEndsOn);
            return;
        }
        if (now.qualifyingLevel() != null) {
            changeLevel(now, now.qualifyingLevel(), DOWNGRADE_REASON);
            outbox.publish(new ShortfallClosed(partnerId, now.required(), now.headcount(), graceEndsOn));
            return;
        }
        terminations.request(partnerId, Terminations.Cause.SHORTFALL_NOT_REMEDIED, DOWNGRADE_REASON + ": "
                + now.headcount() + " < " + now.required());
    }

    private void changeLevel(Evaluation evaluation, PartnerLevel to, String reason) {
        registry.changeLevel(evaluation.partnerId(), to);
        outbox.publish(new LevelChanged(evaluation.partnerId(), evaluation.currentLevel(), to, reason));
        benefits.announce(evaluation.partnerId(), Benefits.Reason.LEVEL_CHANGED,
                evaluation.currentLevel() + " -> " + to + ": " + reason);
        Partner changed = registry.lock(evaluation.partnerId()).orElseThrow();
        evaluations.record(rules.evaluate(changed, evaluation.headcount(), "LEVEL_CHANGED"));
    }
}
