package com.tencent.bk.partner.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts the Kafka listeners ({@code spring.kafka.listener.auto-startup: false}) once the service is ready, on a
 * thread of their own. Creating their nine consumers took about half a second of every start, and a consumer joins
 * its group in the background anyway: records wait in Kafka until it has, whether the service answers ready before
 * or after. A listener that cannot start is not left unnoticed: the others still start, and the service reports
 * itself broken and refusing traffic ({@code /actuator/health} DOWN), so that it is restarted. Closing stops the
 * start between listeners and waits for it, so no consumer starts after the listeners were stopped.
 */
@Component
class ListenersStartWhenReady {

    private static final Logger log = LoggerFactory.getLogger(ListenersStartWhenReady.class);
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final KafkaListenerEndpointRegistry listeners;
    private final ApplicationContext context;
    private volatile Thread starting;
    private volatile boolean closing;

    ListenersStartWhenReady(KafkaListenerEndpointRegistry listeners, ApplicationContext context) {
        this.listeners = listeners;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::startEach, "kafka-listeners-start");
        thread.setDaemon(true);
        starting = thread;
        thread.start();
    }

    private void startEach() {
        int failed = 0;
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            if (closing) {
                return;
            }
            try {
                container.start();
            } catch (RuntimeException | Error e) {
                failed++;
                log.error("Kafka listener {} could not start", container.getListenerId(), e);
            }
        }
        if (failed > 0) {
            AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        } else {
            log.info("Kafka listeners started: {}", listeners.getListenerContainerIds());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void awaitStartBeforeClose() throws InterruptedException {
        closing = true;
        Thread thread = starting;
        if (thread == null) {
            return;
        }
        thread.join(AT_MOST.toMillis());
        if (thread.isAlive()) {
            log.warn("A Kafka listener still starting after {}; closing anyway", AT_MOST);
        }
    }
}
