package com.tencent.bk.partner.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulation's own at-risk forecast, against which the service's warnings are checked for being sent. */
class AtRiskWatchTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 3, 1);

    /** A COMMUNITY partner needs two automation-service engineers and one development engineer. */
    private static List<String[]> community(String partnerId, String developerExpiresOn) {
        return List.of(
                new String[] {partnerId, "COMMUNITY", "", "e1", "AUTOMATION", "SERVICE", ""},
                new String[] {partnerId, "COMMUNITY", "", "e2", "AUTOMATION", "SERVICE", "2031-01-01"},
                new String[] {partnerId, "COMMUNITY", "", "e3", "DEVELOPMENT", "", developerExpiresOn});
    }

    @Test
    void partnerWhoseOnlyDeveloperExpiresWithinTheWindowFallsBelowTheDayAfter() {
        assertThat(AtRiskWatch.forecast(TODAY, community("P1", "2030-03-20")))
                .containsExactly(AtRiskWatch.pair("P1", "2030-03-21"));
    }

    @Test
    void expiryBeyondTheWindowOrACoveredExpiryIsNoRisk() {
        assertThat(AtRiskWatch.forecast(TODAY, community("P1", "2030-06-01"))).isEmpty();
        List<String[]> covered = new java.util.ArrayList<>(community("P2", "2030-03-20"));
        covered.add(new String[] {"P2", "COMMUNITY", "", "e4", "DEVELOPMENT", "", ""});
        assertThat(AtRiskWatch.forecast(TODAY, covered)).isEmpty();
    }

    @Test
    void partnerAlreadyShortIsAShortfallNotAForecast() {
        List<String[]> short1 = List.of(
                new String[] {"P1", "COMMUNITY", "", "e1", "AUTOMATION", "SERVICE", "2030-03-10"},
                new String[] {"P1", "COMMUNITY", "", "e3", "DEVELOPMENT", "", ""});
        assertThat(AtRiskWatch.forecast(TODAY, short1)).isEmpty();
    }

    @Test
    void aWarningIsOwedOnceTheSameForecastWasMadeOnTwoMornings() {
        AtRiskWatch watch = new AtRiskWatch(null);
        String pair = AtRiskWatch.pair("P1", "2030-03-21");
        watch.morning(Set.of(pair));
        assertThat(watch.missing(Set.of())).as("forecast once: the sweep may have seen another state").isEmpty();
        watch.morning(Set.of(pair));
        assertThat(watch.missing(Set.of())).containsExactly(pair);
        assertThat(watch.missing(Set.of(pair))).isEmpty();
        watch.morning(Set.of());
        assertThat(watch.missing(Set.of())).as("no longer forecast").isEmpty();
    }
}
