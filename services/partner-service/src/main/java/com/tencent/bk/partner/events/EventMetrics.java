package com.tencent.bk.partner.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;

/**
 * What the inbound side does, in Prometheus terms: records applied or recognised as redelivered (per topic and
 * CloudEvent type), records dead-lettered, retries (an optimistic-locking collision on correlation, or the
 * database away), and the time from a record's timestamp to the commit of its effect.
 */
@Component
public class EventMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every series exists from the start at zero, so dashboards and alerts see "none yet", not "no data"
        for (String topic : java.util.List.of(Topics.CERTIFICATIONS, Topics.PAYMENTS, Topics.COMPLIANCE)) {
            deadLetteredCounter(topic);
            for (String cause : java.util.List.of("correlation-conflict", "database", "error")) {
                retryCounter(topic, cause);
            }
        }
    }

    /** After the transaction that applied (or skipped as redelivered) the record committed. */
    void consumed(String topic, String type, boolean firstDelivery, long recordTimestamp) {
        String outcome = firstDelivery ? "applied" : "redelivered";
        // meters are looked up once per series: this runs for every record of the hot path
        consumed.computeIfAbsent(topic + ' ' + type + ' ' + outcome, key -> Counter.builder("bk.events.consumed")
                .description("Inbound events consumed, by outcome")
                .tag("topic", topic).tag("type", type).tag("outcome", outcome).register(registry)).increment();
        if (firstDelivery && recordTimestamp > 0) {
            latency.computeIfAbsent(topic, key -> Timer.builder("bk.events.latency")
                            .description("Record timestamp to the commit of its effect").tag("topic", topic)
                            .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(5)).register(registry))
                    .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - recordTimestamp)));
        }
    }

    void deadLettered(String topic) {
        deadLetteredCounter(topic).increment();
    }

    void retried(String topic, Throwable failure) {
        retryCounter(topic, cause(failure)).increment();
    }

    private Counter deadLetteredCounter(String topic) {
        return Counter.builder("bk.events.dead.lettered").description("Records sent to their dead-letter topic")
                .tag("topic", topic).register(registry);
    }

    private Counter retryCounter(String topic, String cause) {
        return Counter.builder("bk.events.retries").description("Deliveries retried after a failure")
                .tag("topic", topic).tag("cause", cause).register(registry);
    }

    private static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return "correlation-conflict";
            }
        }
        return KafkaConfiguration.isTransient(failure) ? "database" : "error";
    }
}
