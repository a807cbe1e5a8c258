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

    protected EngineRestClient engine;
    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        TestUsers.ensure(identityService);
        engine = new EngineRestClient(rest);
        kafka = KafkaTestClient.instance();
    }

    protected ResponseEntity<String> apply(Map<String, Object> application) {
        return engine.post(TestUsers.WEBSITE, "/api/applications", application);
    }

    protected JsonNode partner(String partnerId) {
        ResponseEntity<String> response = engine.get(TestUsers.WEBSITE, "/api/partners/" + partnerId);
        return EngineRestClient.read(response.getBody());
    }

    /** Grants {@code count} engineers both an automation (SERVICE) and a development certificate. */
    protected void certifyEngineers(String partnerId, int count) {
        for (int i = 0; i < count; i++) {
            String engineer = "ENG-" + partnerId + "-" + i;
            kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                    Companies.granted(partnerId, engineer, "AUTOMATION", "SERVICE", null));
            kafka.publish(CERTIFICATIONS, partnerId, "bk.certification.granted",
                    Companies.granted(partnerId, engineer, "DEVELOPMENT", null, null));
        }
    }
}
