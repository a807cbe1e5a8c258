package com.tencent.bk.partner.tiering;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Hands the evaluation that starts a {@code tier-reevaluation}, and the id it was recorded under, to the process's
 * first steps, which the engine runs synchronously inside the start call, on the same thread and in the same
 * transaction. The partner's row is still locked, so a certificate change committed meanwhile elsewhere
 * re-evaluates the partner after this commits (and reaches the new process as {@code HeadcountChanged}); the
 * shortfall announces the figures it was decided on, which are also the ones recorded, and its follow-up task
 * names that very decision. Locking and counting again would only cost. Offered only for the duration of that
 * call, for that partner; a step that runs anywhere else (a job, another thread, a later call) finds nothing and
 * evaluates the partner itself.
 */
@Component
class DecidedEvaluations {

    private static final ThreadLocal<Offer> STARTING = new ThreadLocal<>();

    /** Runs {@code start} with the evaluation, recorded as {@code evaluationId}, on offer to the steps it runs. */
    <T> T offerWhile(Evaluation evaluation, long evaluationId, Supplier<T> start) {
        Offer outer = STARTING.get();
        STARTING.set(new Offer(evaluation, evaluationId, false));
        try {
            return start.get();
        } finally {
            if (outer == null) {
                STARTING.remove();
            } else {
                STARTING.set(outer);
            }
        }
    }

    /** The evaluation on offer for this partner, if any, left on offer (the first gateway routes on it). */
    Optional<Evaluation> offered(String partnerId) {
        return offerFor(partnerId).map(Offer::evaluation);
    }

    /** The evaluation on offer for this partner, if any; taken once. */
    Optional<Evaluation> take(String partnerId) {
        Optional<Offer> offered = offerFor(partnerId).filter(offer -> !offer.taken());
        offered.ifPresent(offer -> STARTING.set(new Offer(offer.evaluation(), offer.evaluationId(), true)));
        return offered.map(Offer::evaluation);
    }

    /** The id of the decision that is starting this partner's process, for as long as the start call runs. */
    Optional<Long> startingDecisionId(String partnerId) {
        return offerFor(partnerId).map(Offer::evaluationId);
    }

    private static Optional<Offer> offerFor(String partnerId) {
        return Optional.ofNullable(STARTING.get()).filter(offer -> offer.evaluation().partnerId().equals(partnerId));
    }

    private record Offer(Evaluation evaluation, long evaluationId, boolean taken) {
    }
}
