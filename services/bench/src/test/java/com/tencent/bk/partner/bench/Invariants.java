package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What must hold after any fault, read from the database and the outbound topic like an auditor would:
 * effects equal distinct event ids; at most one process of a kind per partner; no instance waiting for a
 * message that was sent; every outbound event of a committed change published.
 */
final class Invariants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Invariants() {
    }

    static void assertHold(FaultStack stack, FaultScenario scenario) {
        Database db = stack.database();
        List<String> partners = List.copyOf(scenario.partners());
        List<String> paid = scenario.paid();
        List<String> revoked = scenario.revoked();

        for (Map.Entry<String, Integer> source : scenario.sentBySource().entrySet()) {
            assertThat(db.processed(source.getKey())).as("events of %s applied", source.getKey())
                    .isEqualTo(source.getValue().longValue());
        }
        assertThat(db.count("select count(*) from program.payment where partner_id = any(?)", paid))
                .as("one payment row per fee paid").isEqualTo(paid.size());
        assertThat(db.count("""
                select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_
                where d.key_ = 'tier-reevaluation' and p.business_key_ = any(?)""", revoked))
                .as("one tier-reevaluation per revocation, none for a redelivered one").isEqualTo(revoked.size());
        assertThat(db.map("""
                select message_key || ' ' || type, count(*)::text from program.outbox_event
                where message_key = any(?) group by message_key, type having count(*) > 1""", partners))
                .as("no outbound event raised twice for one partner").isEmpty();

        assertThat(db.map("""
                select d.key_ || ' ' || e.business_key_, count(*)::text from act_ru_execution e
                join act_re_procdef d on d.id_ = e.proc_def_id_
                where e.id_ = e.proc_inst_id_ and e.business_key_ = any(?)
                group by d.key_, e.business_key_ having count(*) > 1""", partners))
                .as("at most one running process of a kind per partner").isEmpty();

        assertThat(db.count("""
                select count(*) from act_ru_execution e join act_ru_execution p on p.id_ = e.proc_inst_id_
                where e.act_id_ = 'await-fee' and p.business_key_ = any(?)""", paid))
                .as("no onboarding still waiting for a fee that was paid").isZero();
        assertThat(tasks(db, "sign-contract", paid)).as("every paid applicant at its contract").isEqualTo(paid.size());
        assertThat(tasks(db, "follow-up-shortfall", revoked)).as("a shortfall task per revocation")
                .isEqualTo(revoked.size());

        FaultScenario.await("the outbox drained of the scenario's events", Duration.ofMinutes(2),
                () -> stack.database().count("select count(*) from program.outbox_event where published_at is null "
                        + "and message_key = any(?)", partners) == 0);
        Set<String> committed = new HashSet<>(db.map(
                "select event_id::text, type from program.outbox_event where message_key = any(?)", partners).keySet());
        Set<String> published = publishedIds(stack.bootstrapServers());
        assertThat(committed).as("every outbound event of a committed change is on " + CloudEvents.PARTNER_EVENTS)
                .isNotEmpty().allSatisfy(id -> assertThat(published).contains(id));
    }

    private static long tasks(Database db, String taskKey, List<String> partners) {
        return db.count("""
                select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                where t.task_def_key_ = ? and p.business_key_ = any(?)""", taskKey, partners);
    }

    /** CloudEvent ids of every committed record on the outbound topic. */
    static Set<String> publishedIds(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(CloudEvents.PARTNER_EVENTS, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        ids.add(JSON.readTree(record.value()).path("id").asText());
                    } catch (IOException e) {
                        throw new AssertionError("not a CloudEvent on " + CloudEvents.PARTNER_EVENTS, e);
                    }
                }
            }
        }
        return ids;
    }
}
