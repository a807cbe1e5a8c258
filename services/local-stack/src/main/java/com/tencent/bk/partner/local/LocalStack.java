package com.tencent.bk.partner.local;

import com.tencent.bk.partner.PartnerServiceApplication;
import com.tencent.bk.partner.infra.EmbeddedKafkaServer;
import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The partner service with everything it needs, on one machine, without Docker: a real PostgreSQL whose data
 * survives restarts (in {@code .local/postgres} of the working directory) and a real Kafka broker on
 * {@code localhost:9092}. Runs the service with the {@code local} profile.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) {
        Path dataDirectory = Path.of(env("BK_LOCAL_DATA", ".local")).toAbsolutePath().resolve("postgres");
        int postgresPort = Integer.parseInt(env("BK_LOCAL_PG_PORT", "5432"));
        int kafkaPort = Integer.parseInt(env("BK_LOCAL_KAFKA_PORT", "9092"));

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, postgresPort, false);
        String jdbcUrl = postgres.createDatabaseIfMissing("partner");
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(kafkaPort);

        SpringApplication application = new SpringApplication(PartnerServiceApplication.class);
        application.setAdditionalProfiles("local");
        // the service's class, not this one: with -Dspring.aot.enabled=true Spring looks for the generated bean
        // definitions of the main application class, and only the service's jar has them
        application.setMainApplicationClass(PartnerServiceApplication.class);
        // the same variables the service reads in production (application.yml), pointed at the embedded parts
        System.setProperty("BK_DB_URL", jdbcUrl);
        System.setProperty("BK_DB_USER", EmbeddedPostgresServer.USER);
        System.setProperty("BK_DB_PASSWORD", "");
        System.setProperty("BK_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        ConfigurableApplicationContext context = application.run(args);
        // one hook, in order: the service first (it flushes to the database), then Kafka and PostgreSQL
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            kafka.close();
            postgres.close();
        }, "local-stack-shutdown"));
        log.info("""

                Partner service is up (local profile).
                  Tasklist:   http://localhost:{}/camunda/app/tasklist/
                  API:        http://localhost:{}/api/partners
                  Finder:     http://localhost:{}/partners/ (public, no login)
                  API docs:   http://localhost:{}/swagger-ui.html
                  Kafka:      {}
                  PostgreSQL: {} (user postgres, data in {})
                """, port(context), port(context), port(context), kafka.bootstrapServers(), jdbcUrl, dataDirectory);
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port", "8080");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
