package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.http.ResponseEntity;

/** The finder as an anonymous customer calls it, and the companies the tests put into it. */
abstract class FinderIntegrationTest extends ServiceIntegrationTest {

    /** The public finder's JSON, without credentials; {@code query} alternates names and values. */
    ResponseEntity<String> find(String... query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        String template = params.keySet().stream().map(name -> name + "={" + name + "}")
                .collect(Collectors.joining("&"));
        return rest.getForEntity("/api/public/partners" + (template.isEmpty() ? "" : "?" + template), String.class,
                params);
    }

    /** The answer of a search that must succeed. */
    JsonNode found(String... query) {
        ResponseEntity<String> response = find(query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EngineRestClient.read(response.getBody());
    }

    List<String> foundIds(String... query) {
        return found(query).path("content").findValuesAsText("partnerId");
    }

    ResponseEntity<String> detail(String partnerId) {
        return rest.getForEntity("/api/public/partners/{id}", String.class, partnerId);
    }

    /** An application of a company with this name (and region, if any), as the website posts it. */
    String applied(String type, String companyName, String region) {
        String partnerId = Companies.newPartnerId();
        Map<String, Object> application = new HashMap<>(Companies.application(partnerId, type));
        application.put("companyName", companyName);
        if (region != null) {
            application.put("region", region);
        }
        ResponseEntity<String> response = apply(application);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return partnerId;
    }

    /** A BRAND partner (no headcount minimum, no fee): reviewed, signed, ACTIVE. */
    String activeBrand(String companyName, String region) {
        String partnerId = applied("BRAND", companyName, region);
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", true, "comment", "ok"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract"),
                Map.of("contractSigned", true, "contractId", ""));
        awaitStatus(partnerId, "ACTIVE");
        return partnerId;
    }

    String rejectedBrand(String companyName) {
        String partnerId = applied("BRAND", companyName, null);
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", false, "comment", "资料不全 documents missing"));
        awaitStatus(partnerId, "REJECTED");
        return partnerId;
    }

    /** Compliance reports a violation and a manager confirms the termination. */
    void terminate(String partnerId) {
        kafka.publish("bk.compliance.events", partnerId, "bk.compliance.violation-reported", Map.of(
                "caseId", "CASE-" + partnerId, "partnerId", partnerId, "category", "RULE_BREACH",
                "description", "reported by the compliance team"));
        engine.work(TestUsers.MANAGER, engine.awaitTask(TestUsers.MANAGER, partnerId, "confirm-termination"),
                Map.of("confirmed", true, "comment", "核实 verified"));
        awaitStatus(partnerId, "TERMINATED");
    }

    void awaitStatus(String partnerId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(partner(partnerId).path("status").asText()));
    }
}
