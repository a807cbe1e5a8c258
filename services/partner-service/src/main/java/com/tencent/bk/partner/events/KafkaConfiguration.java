package com.tencent.bk.partner.events;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, and what happens to a record whose processing throws:
 * <ul>
 *   <li>{@link InvalidEventException}: straight to {@code <topic>.DLT}, unchanged, with the reason and where it
 *       was read as text ({@link DeadLetterHeaders}), and nothing else;</li>
 *   <li>a transient failure (database or engine contention): retried until it succeeds, since dropping it
 *       would lose an effect;</li>
 *   <li>anything else: retried a few times, then dead-lettered with the error (Spring's {@code kafka_dlt-*}
 *       headers, stack trace included), so one bad record never blocks its partition.</li>
 * </ul>
 */
@Configuration
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);
    private static final java.util.Set<String> TRANSIENT_SQL_STATE_CLASSES = java.util.Set.of("08", "40", "53", "57");

    @Bean
    KafkaAdmin.NewTopics partnerTopics(EventsProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.CERTIFICATIONS, properties), topic(Topics.deadLetterOf(Topics.CERTIFICATIONS), properties),
                topic(Topics.PAYMENTS, properties), topic(Topics.deadLetterOf(Topics.PAYMENTS), properties),
                topic(Topics.COMPLIANCE, properties), topic(Topics.deadLetterOf(Topics.COMPLIANCE), properties),
                topic(Topics.PARTNER_EVENTS, properties));
    }

    private static NewTopic topic(String name, EventsProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor())
                .build();
    }

    /** For listeners that take a whole poll at once (the certification hot path). */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true); // offsets committed as spring.kafka.listener.ack-mode says, like the others
        return factory;
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<byte[], byte[]> kafkaTemplate, EventMetrics metrics) {
        DeadLetterPublishingRecoverer invalidRecords = deadLetters(kafkaTemplate);
        // the reason says all there is to say: a stack trace and binary offsets would only bury it
        invalidRecords.excludeHeader(HeaderNames.HeadersToAdd.values());
        DeadLetterPublishingRecoverer failedRecords = deadLetters(kafkaTemplate); // with Spring's, stack trace too
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason(exception));
            (isInvalid(exception) ? invalidRecords : failedRecords).accept(record, exception);
            metrics.deadLettered(record.topic());
        }, limitedRetries());
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                metrics.retried(record.topic(), failure);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int deliveryAttempt) {
                records.partitions().forEach(partition -> metrics.retried(partition.topic(), failure));
            }
        });
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? untilItSucceeds() : null);
        return handler;
    }

    /** To the same partition of {@code <topic>.DLT}, key and value unchanged, with {@link DeadLetterHeaders}. */
    private static DeadLetterPublishingRecoverer deadLetters(KafkaTemplate<byte[], byte[]> kafkaTemplate) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, exception) -> DeadLetterHeaders.of(record, reason(exception)));
        return deadLetters;
    }

    private static BackOff limitedRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(3_000);
        return backOff;
    }

    private static BackOff untilItSucceeds() {
        ExponentialBackOff backOff = new ExponentialBackOff(50, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff; // no max elapsed time: retried until the database or engine is back
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException) {
                return true;
            }
            // as the engine passes them on, untranslated: connection lost (08xxx), serialization failure (40001),
            // deadlock (40P01), server out of resources (53xxx), server shut down or restarting (57P01-57P03)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** The record could not be understood: what the error handler does not retry. */
    static boolean isInvalid(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException invalid) {
                return String.join("; ", invalid.reasons());
            }
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "processing failed: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
