package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: the service is killed hard after a database commit and before the offset commit. The test freezes the
 * process (SIGSTOP) at random moments until it catches one where the inbox holds more applied events than the
 * group has acknowledged — records whose effects are committed but which Kafka will deliver again — and kills
 * it there (SIGKILL). Restarted, the service receives those records a second time; they must have no second
 * effect, and nothing may be lost.
 */
class HardKillFaultIT {

    @Test
    void redeliveredRecordsAfterAHardKillHaveNoSecondEffect() {
        try (FaultStack stack = FaultStack.fresh("hard-kill")) {
            ServiceInstance service = stack.startService();
            try (FaultScenario scenario = FaultScenario.prepare(stack, service, "hard-kill", 12, 24)) {
                List<PlannedEvent> stream = scenario.stream("kill", 3000);
                CompletableFuture<long[]> sending = scenario.send(stream, 600);
                scenario.awaitApplied(0.2, Duration.ofMinutes(2));

                long appliedButNotAcknowledged = killBetweenCommits(service.process(), scenario);
                assertThat(appliedButNotAcknowledged).as("killed with effects committed and offsets not").isPositive();

                sending.join();
                stack.startService();
                scenario.awaitAllApplied(Duration.ofMinutes(3));
                Invariants.assertHold(stack, scenario);
            }
        }
    }

    /**
     * Freezes the service at random moments until the inbox is ahead of the committed offsets, then kills it.
     *
     * @return how many applied records had not been acknowledged when it died
     */
    private static long killBetweenCommits(ServiceProcess service, FaultScenario scenario) {
        for (int attempt = 0; attempt < 500; attempt++) {
            service.freeze();
            long inbox = scenario.inboxRows();
            long acknowledged = scenario.lag().committed(FaultScenario.INBOUND);
            if (inbox > acknowledged) {
                service.kill();
                Console.step(String.format("killed after %d freezes: %d applied records not yet acknowledged",
                        attempt + 1, inbox - acknowledged));
                return inbox - acknowledged;
            }
            service.thaw();
            Sleep.millis(ThreadLocalRandom.current().nextInt(2, 30));
        }
        service.kill();
        return 0;
    }
}
