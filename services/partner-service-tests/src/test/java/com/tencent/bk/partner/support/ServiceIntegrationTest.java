package com.tencent.bk.partner.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Base of the integration tests: the running service on real PostgreSQL and Kafka, driven from outside
 * through HTTP, Camunda's REST API and a plain Kafka client.
 */
@IntegrationTest
public abstract class ServiceIntegrationTest {

    public static final String CERTIFICATIONS = "bk.certification.events";
    public static final String PAYMENTS = "bk.payment.events";

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @Autowired
    protected javax.sql.DataSource dataSource;
    @Autowired
    protected org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

    protected EngineRestClient engine;
    protected KafkaTestClient kafka;

    static {
        AwaitDefaults.apply();
    }

    @BeforeEach
    void connect() {
        TestUsers.ensure(identityService);
        engine = new EngineRestClient(rest);
        kafka = KafkaTestClient.instance();
    }

    /**
     * A database session of its own, not from the service's pool: to hold rows or locks the way another
     * transaction would. Closing it ends whatever it holds.
     */
    protected java.sql.Connection sessionOfItsOwn() throws java.sql.SQLException {
        com.zaxxer.hikari.HikariDataSource pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** How many sessions wait for a lock in a statement like {@code queryPattern} (lower case, SQL LIKE). */
    protected long waitingOnLocks(String queryPattern) {
        return jdbcClient.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and lower(query) like ?").param(queryPattern).query(Long.class).single();
    }

    /**
     * Runs {@code sending} with the listener's consumers stopped, so that what it sends is fetched together, as
     * one poll, when they start again.
     */
    protected <T> T whileStopped(String listenerId, java.util.function.Supplier<T> sending) {
        org.springframework.kafka.listener.MessageListenerContainer container =
                listeners.getListenerContainer(listenerId);
        // the listeners start once the service is ready, on a thread of their own: a stop before that would do
        // nothing, and the records would come in several polls
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(container::isRunning);
        container.stop();
        try {
            return sending.get();
        } finally {
            container.start();
        }
    }

    /** Waits until every one of these events has its inbox row. */
    protected void awaitApplied(java.util.List<String> eventIds) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbcClient.sql(
                        "select count(*) from program.processed_event where event_id = any(?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single() == eventIds.size());
    }

    /**
     * Every outbound event of a partner, read once the outbox holds none of theirs still to publish: events are
     * sent after their transaction commits, so a read straight after the call that caused them may miss them.
     */
    protected java.util.List<JsonNode> publishedEvents(String partnerId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbcClient.sql(
                        "select count(*) from program.outbox_event where message_key = ? and published_at is null")
                .param(partnerId).query(Long.class).single() == 0);
        return kafka.partnerEvents(partnerId);
    }

    protected ResponseEntity<String> apply(Map<String, Object> application) {
        return engine.post(TestUsers.WEBSITE, "/api/applications", application);
    }

    protected JsonNode partner(String partnerId) {
        ResponseEntity<String> response = engine.get(TestUsers.WEBSITE, "/api/partners/" + partnerId);
        return EngineRestClient.read(response.getBody());
    }

    /** Grants one engineer a certificate; returns its id. {@code level} only for AUTOMATION. */
    protected String certify(String partnerId, String engineer, String track, String level, String expiresOn) {
        Map<String, Object> data = Companies.granted(partnerId, engineer + "@" + partnerId, track, level, expiresOn);
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted", data);
        return (String) data.get("certificateId");
    }

    protected void revoke(String partnerId, String certificateId) {
        kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.revoked",
                Map.of("certificateId", certificateId, "partnerId", partnerId, "reason", "test revocation"));
    }

    /** Waits until everything sent so far for the company was consumed: a marker behind it, same partition. */
    protected void awaitConsumed(String partnerId) {
        String marker = kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.expired",
                Map.of("certificateId", "MARKER-" + java.util.UUID.randomUUID(), "partnerId", partnerId));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbcClient.sql("select count(*) from program.processed_event where event_id = ?").param(marker)
                .query(Long.class).single() == 1);
    }

    /**
     * Takes a company through onboarding as the program office would (review, approval, fee, signing) with
     * {@code automationService} SERVICE-level automation engineers and {@code development} development
     * engineers; returns the ids of the automation certificates, then the development ones.
     */
    protected java.util.List<String> activePartner(String partnerId, String type, int automationService,
                                                   int development) {
        return activePartner(partnerId, type, automationService, development, null);
    }

    /** As above, the application naming the company's {@code region} (null: none). */
    protected java.util.List<String> activePartner(String partnerId, String type, int automationService,
                                                   int development, String region) {
        java.util.List<String> certificates = new java.util.ArrayList<>();
        for (int i = 0; i < automationService; i++) {
            certificates.add(certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null));
        }
        for (int i = 0; i < development; i++) {
            certificates.add(certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null));
        }
        awaitConsumed(partnerId);
        if ("ENTERPRISE".equals(type)) {
            com.fasterxml.jackson.databind.JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId, region);
            kafka.publish(PAYMENTS, partnerId, "bk.payment.received", Map.of("invoiceId",
                    invoice.path("invoiceId").asText(), "partnerId", partnerId, "amount",
                    invoice.path("amount").asText(), "currency", invoice.path("currency").asText(),
                    "paidAt", "2026-11-24T08:00:00Z"));
        } else {
            org.assertj.core.api.Assertions.assertThat(apply(withRegion(Companies.application(partnerId, type), region))
                    .getStatusCode().value()).isEqualTo(201);
            engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                    Map.of("approved", true, "comment", "ok"));
        }
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract"),
                Map.of("contractSigned", true, "contractId", ""));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "ACTIVE".equals(partner(partnerId).path("status").asText()));
        return certificates;
    }

    /**
     * An ENTERPRISE application submitted, reviewed by {@code reviewer} and approved by {@code manager}; returns
     * the data of the {@code bk.partner.invoice-requested} event the onboarding then published.
     */
    protected com.fasterxml.jackson.databind.JsonNode enterpriseApplicantAwaitingFee(String partnerId) {
        return enterpriseApplicantAwaitingFee(partnerId, null);
    }

    private static Map<String, Object> withRegion(Map<String, Object> application, String region) {
        Map<String, Object> withRegion = new java.util.HashMap<>(application);
        if (region != null) {
            withRegion.put("region", region);
        }
        return withRegion;
    }

    protected com.fasterxml.jackson.databind.JsonNode enterpriseApplicantAwaitingFee(String partnerId, String region) {
        org.assertj.core.api.Assertions.assertThat(apply(withRegion(Companies.application(partnerId, "ENTERPRISE"), region))
                .getStatusCode().value()).isEqualTo(201);
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "ok"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "approve-application"),
                Map.of("approved", true, "comment", "ok"));
        return kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-requested").path("data");
    }

    /**
     * Grants {@code count} engineers both an automation (SERVICE) and a development certificate, and waits until
     * they are applied: an application submitted right after is checked against them.
     */
    protected void certifyEngineers(String partnerId, int count) {
        for (int i = 0; i < count; i++) {
            String engineer = "ENG-" + partnerId + "-" + i;
            kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                    Companies.granted(partnerId, engineer, "AUTOMATION", "SERVICE", null));
            kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                    Companies.granted(partnerId, engineer, "DEVELOPMENT", null, null));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbcClient.sql(
                        "select count(*) from program.certificate where partner_id = ? and granted")
                .param(partnerId).query(Long.class).single() >= 2L * count);
    }

    /** The partner's running timers, as a manager reads them ({@code GET /api/partners/{id}/deadlines}). */
    protected JsonNode deadlines(String partnerId) {
        return EngineRestClient.read(engine.get(TestUsers.MANAGER, "/api/partners/" + partnerId + "/deadlines")
                .getBody());
    }

    /** A manager moves a running timer of the partner to now, once the timer exists. */
    protected void moveDeadline(String partnerId, String timer, String reason) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> deadlines(partnerId).findValuesAsText("timer").contains(timer));
        ResponseEntity<String> moved = putDeadline(TestUsers.MANAGER, partnerId, timer,
                Map.of("dueAt", java.time.Instant.now().minusSeconds(1).toString(), "reason", reason));
        org.assertj.core.api.Assertions.assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
    }

    protected ResponseEntity<String> putDeadline(String user, String partnerId, String timer, Map<String, Object> body) {
        return Authenticated.as(rest, user, TestUsers.password(user)).exchange(
                "/api/partners/" + partnerId + "/deadlines/" + timer, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(body), String.class);
    }
}
