package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults 2 and 3: the broker, then PostgreSQL, restarted under a running service while events flow and while
 * its outbox has events to publish. The service rides both out without a human: the same process is still up
 * afterwards, every event applied once, every outbound event published.
 */
@ExtendWith(SharedStack.class)
class InfrastructureRestartFaultIT {

    @Test
    void serviceRecoversFromABrokerRestartAndAPostgresRestartWithoutAHuman(FaultStack stack) {
        ServiceInstance service = stack.running();
        try (FaultScenario duringBrokerRestart = FaultScenario.prepare(stack, service, "broker", 12, 24);
             FaultScenario duringPostgresRestart = FaultScenario.prepare(stack, service, "postgres", 12, 24)) {
            CompletableFuture<long[]> sending = duringBrokerRestart.send(duringBrokerRestart.stream("flow", 2000), 400);
            duringBrokerRestart.awaitApplied(0.2, Duration.ofMinutes(2));

            stack.broker().stop();
            // changes committed while the broker is away wait in the outbox: applications over HTTP
            PartnerIds ids = new PartnerIds();
            List<String> applicants = List.of(ids.next(), ids.next(), ids.next());
            applicants.forEach(partnerId -> assertThat(service.api().apply(partnerId, "COMMUNITY")).isEqualTo(201));
            assertThat(stack.database().count("""
                    select count(*) from program.outbox_event where published_at is null and message_key = any(?)""",
                    applicants)).as("outbound events waiting while the broker is down").isPositive();
            Sleep.millis(5_000);
            stack.broker().startAgain();

            sending.join();
            duringBrokerRestart.awaitAllApplied(Duration.ofMinutes(3));
            assertThat(service.process().alive()).as("the same process recovered by itself").isTrue();
            Invariants.assertHold(stack, duringBrokerRestart);
            assertThat(Invariants.publishedIds(stack.bootstrapServers())).containsAll(stack.database().map(
                    "select event_id::text, type from program.outbox_event where message_key = any(?)",
                    applicants).keySet());

            sending = duringPostgresRestart.send(duringPostgresRestart.stream("flow", 2000), 400);
            duringPostgresRestart.awaitApplied(0.2, Duration.ofMinutes(2));
            stack.restartPostgres(Duration.ofSeconds(3));
            sending.join();
            duringPostgresRestart.awaitAllApplied(Duration.ofMinutes(3));
            assertThat(service.process().alive()).as("the same process recovered by itself").isTrue();
            Invariants.assertHold(stack, duringPostgresRestart);
            Invariants.assertHold(stack, duringBrokerRestart);
        }
    }
}
