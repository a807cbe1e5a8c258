package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * Fault 6: two instances of the service on the same PostgreSQL and broker, as a program office outgrows one
 * machine. They share the partitions of every inbound topic and the engine's jobs; moved deadlines fall due
 * while both run and each timer fires once; one instance is killed hard mid-stream, while a batch of timers
 * is falling due, and the other takes over its partitions and the jobs it had locked; nothing is lost or
 * doubled.
 */
class TwoInstancesFaultIT {

    /**
     * One consumer per topic per instance, so the three partitions of a topic are split between the two (the
     * service's session timeout of 10 s lets the survivor take over the dead one's partitions).
     */
    private static final String INSTANCE = "--spring.kafka.listener.concurrency=1 "
            // jobs the dead instance had locked are taken over when the lock expires: 15 s here, not 5 min
            + "--camunda.bpm.job-execution.lock-time-in-millis=15000";

    @Test
    void theSurvivorTakesOverAndEveryTimerAndEventTakesEffectOnce() {
        try (FaultStack stack = FaultStack.fresh("two-instances")) {
            ServiceInstance first = stack.startService(INSTANCE);
            ServiceInstance second = stack.startService(INSTANCE);
            FaultScenario.await("both instances own partitions of both topics", Duration.ofMinutes(2),
                    () -> ownersPerTopic(stack).values().stream().allMatch(owners -> owners == 2));
            try (FaultScenario scenario = FaultScenario.prepare(stack, first, "two-instances", 16, 24)) {
                List<Fixtures.WaitingForFee> waiting = scenario.prepared().waitingForFee();
                Instant due = Instant.now().plusSeconds(2);
                waiting.forEach(fee -> first.api().moveDeadline(fee.partnerId(), "fee-reminder-due", due,
                        "故障测试 fault test: remind now"));
                List<String> waitingIds = waiting.stream().map(Fixtures.WaitingForFee::partnerId).toList();
                FaultScenario.await("a reminder for every moved deadline", Duration.ofMinutes(2), () -> stack.database()
                        .count("select count(*) from program.outbox_event where type = 'bk.partner.invoice-reminder' "
                                + "and message_key = any(?)", waitingIds) >= waiting.size());

                assertThat(stack.database().count("""
                        select count(*) from act_hi_job_log where act_id_ = 'fee-reminder-due' and job_state_ = 2"""))
                        .as("each moved reminder timer fired once").isEqualTo(waiting.size());

                // the renewal checks of the partners the stream leaves alone all fall due at once, about when one
                // instance is killed mid-stream: each is run before the kill, locked by the dead instance and taken
                // over when its lock expires, or acquired by the survivor — and runs once either way
                List<String> renewing = scenario.untouched();
                List<PlannedEvent> stream = scenario.stream("flow", 3000);
                Instant renewalsDue = Instant.now().plusSeconds(2);
                renewing.forEach(partnerId -> first.api().moveDeadline(partnerId, "renewal-due", renewalsDue,
                        "故障测试 fault test: due as an instance dies"));
                CompletableFuture<long[]> sending = scenario.send(stream, 500);
                scenario.awaitApplied(0.3, Duration.ofMinutes(2));
                assertThat(ownersPerTopic(stack)).as("both instances consuming when one dies").containsOnly(
                        Map.entry(CloudEvents.CERTIFICATIONS, 2L), Map.entry(CloudEvents.PAYMENTS, 2L));
                second.process().kill();
                sending.join();
                scenario.awaitAllApplied(Duration.ofMinutes(3));
                FaultScenario.await("every renewal check due at the kill ran", Duration.ofMinutes(2),
                        () -> renewalChecksRun(stack) >= renewing.size());
                assertThat(renewalChecksRun(stack)).as("each renewal check ran once").isEqualTo(renewing.size());
                assertThat(stack.database().count("""
                        select count(*) from act_ru_task where task_def_key_ = 'review-renewal'""")).as(
                        "a renewal review for each of them, no more").isEqualTo(renewing.size());

                FaultScenario.await("the survivor owns every partition", Duration.ofMinutes(1),
                        () -> ownersPerTopic(stack).values().stream().allMatch(owners -> owners == 1));
                assertThat(stack.database().count("""
                        select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
                        group by job_id_ having count(*) > 1) twice""")).as("no job completed twice").isZero();
                Invariants.assertHold(stack, scenario);
            }
        }
    }

    private static long renewalChecksRun(FaultStack stack) {
        return stack.database().count("""
                select count(*) from act_hi_job_log where act_id_ = 'renewal-due' and job_state_ = 2""");
    }

    /** Per inbound topic, how many members of the group own at least one of its partitions. */
    private static Map<String, Long> ownersPerTopic(FaultStack stack) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(LagMonitor.GROUP)).all()
                    .get(10, TimeUnit.SECONDS).get(LagMonitor.GROUP);
            return FaultScenario.INBOUND.stream().collect(java.util.stream.Collectors.toMap(topic -> topic,
                    topic -> group.members().stream().filter(member -> owns(member, topic)).count()));
        } catch (Exception e) {
            throw new IllegalStateException("could not describe the group: " + e.getMessage(), e);
        }
    }

    private static boolean owns(MemberDescription member, String topic) {
        return member.assignment().topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic));
    }
}
