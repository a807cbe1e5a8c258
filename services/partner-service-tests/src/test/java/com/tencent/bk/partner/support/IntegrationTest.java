package com.tencent.bk.partner.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one configuration of every integration test, so the context cache starts the engine once: the service
 * as it runs in production (security and authorizations on), on real PostgreSQL and Kafka.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
        "partner.outbox.poll-interval=PT0.1S",
        // a timer that comes due while the job executor idles is picked up within a second, not the production
        // back-off of up to a minute (what a test waits for is the process's effect, not the acquisition's pace)
        "camunda.bpm.job-execution.wait-time-in-millis=250",
        "camunda.bpm.job-execution.max-wait=1000",
        "partner.metrics.refresh=PT1S",
        // a rules change deployed by a test is picked up within a second, not the production 30 s
        "partner.tiering.rules-refresh=PT1S",
        // the embedded PostgreSQL stops in its own shutdown hook, in parallel with the context's: do not let
        // the engine's last metrics flush wait 30 s for a connection that cannot come
        "camunda.bpm.metrics.db-reporter-activate=false",
        "spring.datasource.hikari.connection-timeout=5000",
        // the engine's body limit (4 MB) lowered, so a test can exceed it within the 2 MB Tomcat still reads
        // (and discards) of a refused body, and the client sees the 413 instead of a reset connection
        "partner.http.max-engine-body-size=1048576"
})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@Import(StoppableClock.class)
@AutoConfigureObservability(tracing = false) // Spring Boot tests turn metrics export off; /actuator/prometheus is tested
public @interface IntegrationTest {
}
