package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 1: the service is killed hard after a database commit and before the offset commit. To open that window
 * on purpose, the network between service and broker is cut while the service is busy with a burst: the
 * consumers finish the batches they hold — their effects and inbox rows commit — but their offset commits never
 * reach the broker. The service is killed (SIGKILL) right then. Restarted, it receives those records a second time; they must have no second effect,
 * and nothing may be lost.
 */
@ExtendWith(SharedStack.class)
class HardKillFaultIT {

    @Test
    void redeliveredRecordsAfterAHardKillHaveNoSecondEffect(FaultStack stack) {
        ServiceInstance service = stack.running();
        try (FaultScenario scenario = FaultScenario.prepare(stack, service, "hard-kill", 12, 24)) {
            // on a shared stack, records consumed before (re-sent ones have one inbox row for two offsets)
            long unacknowledgedBefore = scenario.inboxRows() - stableCommittedOffsets(scenario);
            CompletableFuture<long[]> sending = scenario.send(scenario.stream("kill", 6000), 0);
            scenario.awaitApplied(0.1, Duration.ofMinutes(2));

            stack.serviceLink().cut();
            Sleep.millis(1_500); // the consumers apply the batches they hold; their offset commits are lost
            service.process().kill();
            stack.serviceLink().restore();
            long applied = scenario.inboxRows();
            long acknowledged = stableCommittedOffsets(scenario);
            Console.step(String.format("killed with %,d records applied and %,d acknowledged", applied,
                    acknowledged));
            assertThat(applied - acknowledged).as("records applied but never acknowledged")
                    .isGreaterThan(unacknowledgedBefore);

            sending.join();
            stack.startService();
            scenario.awaitAllApplied(Duration.ofMinutes(3));
            Invariants.assertHold(stack, scenario);
        }
    }

    /** The group's committed offsets, once a commit already on its way before the cut has landed. */
    private static long stableCommittedOffsets(FaultScenario scenario) {
        long previous = -1;
        long now = scenario.lag().committed(FaultScenario.INBOUND);
        while (now != previous) {
            Sleep.millis(1_000);
            previous = now;
            now = scenario.lag().committed(FaultScenario.INBOUND);
        }
        return now;
    }
}
