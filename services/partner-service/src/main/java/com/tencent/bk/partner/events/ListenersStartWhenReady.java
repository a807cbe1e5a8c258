package com.tencent.bk.partner.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Starts the Kafka listeners ({@code spring.kafka.listener.auto-startup: false}) once the service is ready, on a
 * thread of their own. Creating their nine consumers took about half a second of every start, and a consumer joins
 * its group in the background anyway: records wait in Kafka until it has, whether the service answers ready before
 * or after. Closing waits for a start still running, so no consumer starts after the listeners were stopped.
 */
@Component
class ListenersStartWhenReady {

    private static final Logger log = LoggerFactory.getLogger(ListenersStartWhenReady.class);
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final KafkaListenerEndpointRegistry listeners;
    private volatile Thread starting;

    ListenersStartWhenReady(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(() -> {
            listeners.start();
            log.info("Kafka listeners started: {}", listeners.getListenerContainerIds());
        }, "kafka-listeners-start");
        thread.setDaemon(true);
        starting = thread;
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void awaitStartBeforeClose() throws InterruptedException {
        Thread thread = starting;
        if (thread == null) {
            return;
        }
        thread.join(AT_MOST.toMillis());
        if (thread.isAlive()) {
            log.warn("Kafka listeners still starting after {}; closing anyway", AT_MOST);
        }
    }
}
