package com.tencent.bk.partner.infra;

import java.util.HashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker running in this JVM. Any Kafka client can connect to it.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** @param port the listener port; 0 picks a free one */
    public static EmbeddedKafkaServer start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> properties = new HashMap<>(Map.of(
                // defaults make a consumer wait ~12 s to join its group on a fresh broker
                "offsets.topic.num.partitions", "1",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                // a single broker has no one to hand leadership to; shutting down should not wait for it
                "controlled.shutdown.enable", "false"));
        if (port > 0) {
            // the KRaft test kit ignores kafkaPorts(); a fixed client port has to be its listener
            properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
            properties.put("advertised.listeners", "EXTERNAL://localhost:" + port);
        }
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        log.info("Embedded Kafka broker listening on {}", broker.getBrokersAsString());
        return new EmbeddedKafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
