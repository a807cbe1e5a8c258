package com.tencent.bk.partner.tiering;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Hands the evaluation that starts a {@code tier-reevaluation} to the process's first step, which the engine runs
 * synchronously inside the start call, on the same thread and in the same transaction. The partner's row is still
 * locked, so a certificate change committed meanwhile elsewhere re-evaluates the partner after this commits (and
 * reaches the new process as {@code HeadcountChanged}); the shortfall announces the figures it was decided on, which
 * are also the ones recorded. Locking and counting again would only cost. Offered only for the duration of that
 * call, for that partner; a step that runs anywhere else (a job, another thread, a later call) finds nothing and
 * evaluates the partner itself.
 */
@Component
class DecidedEvaluations {

    private static final ThreadLocal<Evaluation> STARTING = new ThreadLocal<>();

    /** Runs {@code start} with the evaluation on offer to the steps it runs. */
    <T> T offerWhile(Evaluation evaluation, Supplier<T> start) {
        Evaluation outer = STARTING.get();
        STARTING.set(evaluation);
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

    /** The evaluation on offer for this partner, if any; taken once. */
    Optional<Evaluation> take(String partnerId) {
        Evaluation offered = STARTING.get();
        if (offered == null || !offered.partnerId().equals(partnerId)) {
            return Optional.empty();
        }
        STARTING.set(null);
        return Optional.of(offered);
    }
}
