package com.tencent.bk.partner.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;

/** The service's consumer lag, from Kafka's own bookkeeping: end offsets minus the group's committed offsets. */
public final class LagMonitor implements AutoCloseable {

    static final String GROUP = Infrastructure.env("BK_KAFKA_GROUP", "partner-service");

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new java.util.concurrent.ConcurrentHashMap<>();

    public LagMonitor(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /** Summed lag of the group on these topics (a partition without a committed offset counts from 0). */
    public long lag(Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                partitions(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the consumer lag: " + e.getMessage(), e);
        }
    }

    /** The group's committed offsets on these topics, summed: how many records it has acknowledged. */
    long committed(Collection<String> topics) {
        try {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .entrySet().stream().filter(entry -> topics.contains(entry.getKey().topic()) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the committed offsets: " + e.getMessage(), e);
        }
    }

    /** Records on these topics so far (end offsets summed), e.g. to see whether anything was dead-lettered. */
    long endOffsets(Collection<String> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics.stream().filter(existing::contains).collect(Collectors.toList())) {
                partitions(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            }
            long total = 0;
            for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values()) {
                total += end.offset();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read end offsets: " + e.getMessage(), e);
        }
    }

    private List<TopicPartition> partitions(String topic) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        List<TopicPartition> known = partitions.get(topic);
        if (known == null) {
            known = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
            partitions.put(topic, known);
        }
        return known;
    }

    /** Waits until the service's consumers have joined their group and own partitions of these topics. */
    public void awaitConsumers(Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                Set<String> assigned = group.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .map(TopicPartition::topic).collect(Collectors.toSet());
                if (group.state() == ConsumerGroupState.STABLE && assigned.containsAll(topics)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not there yet
            }
            Sleep.millis(200);
        }
        throw new IllegalStateException("the service's consumers did not join group " + GROUP + " within " + timeout);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
