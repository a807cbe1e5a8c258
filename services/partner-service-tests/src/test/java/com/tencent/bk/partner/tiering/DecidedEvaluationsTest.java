package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a process's first steps are offered while the service starts it: that partner's decision, and only then. */
class DecidedEvaluationsTest {

    private final DecidedEvaluations decided = new DecidedEvaluations();

    @Test
    void theStartCallOffersItsPartnersDecisionAndItsIdOnlyWhileItRuns() {
        Evaluation falling = shortfall("P-A");
        List<Object> seen = new ArrayList<>();
        decided.offerWhile(falling, 41L, () -> {
            seen.add(decided.startingDecisionId("P-B"));
            seen.add(decided.take("P-B"));
            seen.add(decided.take("P-A"));
            seen.add(decided.take("P-A"));
            seen.add(decided.startingDecisionId("P-A"));
            return null;
        });
        assertThat(seen).containsExactly(Optional.empty(), Optional.empty(), Optional.of(falling), Optional.empty(),
                Optional.of(41L));
        assertThat(decided.startingDecisionId("P-A")).isEmpty();
        assertThat(decided.take("P-A")).isEmpty();
    }

    @Test
    void aStartInsideAStartOffersItsOwnDecisionAndGivesTheOuterOneBack() {
        Evaluation outer = shortfall("P-A");
        Evaluation inner = shortfall("P-B");
        List<Object> seen = new ArrayList<>();
        decided.offerWhile(outer, 1L, () -> {
            decided.offerWhile(inner, 2L, () -> {
                seen.add(decided.startingDecisionId("P-A"));
                seen.add(decided.startingDecisionId("P-B"));
                return null;
            });
            seen.add(decided.startingDecisionId("P-A"));
            seen.add(decided.take("P-A"));
            return null;
        });
        assertThat(seen).containsExactly(Optional.empty(), Optional.of(2L), Optional.of(1L), Optional.of(outer));
    }

    private static Evaluation shortfall(String partnerId) {
        return new Evaluation(partnerId, Instant.parse("2026-12-04T06:00:00Z"), "CERTIFICATION_CHANGE",
                PartnerType.COMMUNITY, null, new Headcount(1, 0, 1), new Minimums(2, 0, 1), null,
                EvaluationOutcome.SHORTFALL, "test");
    }
}
