package com.tencent.bk.partner.support;

import com.tencent.bk.partner.infra.EmbeddedKafkaServer;
import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Real PostgreSQL and a real Kafka broker, started once per test JVM: Testcontainers when a Docker engine is
 * there, the embedded ones otherwise (CI has no Docker). {@code BK_TEST_INFRA=embedded} forces the latter.
 */
public final class TestInfrastructure {

    public record Endpoints(String jdbcUrl, String user, String password, String bootstrapServers) {
    }

    private static Endpoints endpoints;

    private TestInfrastructure() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? containers() : embedded();
        }
        return endpoints;
    }

    private static boolean useContainers() {
        if ("embedded".equals(System.getenv("BK_TEST_INFRA"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Endpoints embedded() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        String jdbcUrl = postgres.createDatabaseIfMissing("partner_test");
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0);
        // PostgreSQL stops through its own shutdown hook; the broker must stop before its temp folder goes
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-shutdown"));
        return new Endpoints(jdbcUrl, EmbeddedPostgresServer.USER, "", kafka.bootstrapServers());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper with the JVM
    private static Endpoints containers() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17.7-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        postgres.start();
        kafka.start();
        return new Endpoints(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                kafka.getBootstrapServers());
    }

    /** Points the application context at the started infrastructure. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Endpoints started = endpoints();
            TestPropertyValues.of(
                    "spring.datasource.url=" + started.jdbcUrl(),
                    "spring.datasource.username=" + started.user(),
                    "spring.datasource.password=" + started.password(),
                    "spring.kafka.bootstrap-servers=" + started.bootstrapServers()
            ).applyTo(context);
        }
    }
}
