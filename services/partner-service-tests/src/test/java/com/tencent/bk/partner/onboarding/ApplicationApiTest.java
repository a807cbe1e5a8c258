package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/applications} as the partner website calls it, with good and bad bodies. */
class ApplicationApiTest extends ServiceIntegrationTest {

    @Test
    void everyBadFieldIsNamedInOneProblemResponse() {
        Map<String, Object> body = new LinkedHashMap<>(Companies.application("91350100M000100Y44", "GOLD"));
        body.put("companyName", " ");
        body.put("contact", Map.of("name", "李四", "email", "not-an-email", "phone", "abc"));
        body.put("attestations", Map.of("acceptsProgramRules", false, "noCompetingProducts", true));

        ResponseEntity<String> response = apply(body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = EngineRestClient.read(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "attestations.acceptsProgramRules", "companyName", "contact.email", "contact.phone", "partnerId",
                "type");
        assertThat(response.getBody()).contains("check character").doesNotContain("Exception", "at com.");
    }

    @Test
    void missingObjectsAndAttestationsAreNamed() {
        Map<String, Object> body = new HashMap<>(Companies.application(Companies.newPartnerId(), "COMMUNITY"));
        body.remove("contact");
        body.put("attestations", Map.of("acceptsProgramRules", true));

        JsonNode problem = EngineRestClient.read(apply(body).getBody());

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("contact", "attestations.noCompetingProducts");
    }

    @Test
    void valueOfTheWrongJsonTypeNamesItsField() {
        Map<String, Object> body = new HashMap<>(Companies.application(Companies.newPartnerId(), "COMMUNITY"));
        body.put("attestations", Map.of("acceptsProgramRules", "yes", "noCompetingProducts", true));

        ResponseEntity<String> response = apply(body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = EngineRestClient.read(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactly("attestations.acceptsProgramRules");
        assertThat(problem.path("errors").findValuesAsText("message")).containsExactly(
                "has the wrong type: expected true or false");
        assertThat(response.getBody()).doesNotContain("Exception", "at com.");
    }

    @Test
    void bodyThatIsNotJsonIsAProblemNotAStackTrace() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.withBasicAuth(TestUsers.WEBSITE, TestUsers.password(TestUsers.WEBSITE))
                .exchange("/api/applications", HttpMethod.POST, new HttpEntity<>("{\"partnerId\": ", headers),
                        String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("not valid JSON").doesNotContain("Exception", "at com.");
    }

    @Test
    void secondApplicationWhileOneIsOpenIsAConflict() {
        String partnerId = Companies.newPartnerId();
        assertThat(apply(Companies.application(partnerId, "COMMUNITY")).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> again = apply(Companies.application(partnerId, "EDUCATION"));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .containsExactly("bk.partner.application-received");
    }

    @Test
    void rejectedApplicantIsToldWhyAndMayApplyAgain() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "EDUCATION"));
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application"),
                Map.of("approved", false, "comment", "讲师未持证 instructors not certified"));

        JsonNode rejected = kafka.awaitPartnerEvent(partnerId, "bk.partner.rejected").path("data");
        assertThat(rejected.path("reason").asText()).isEqualTo("讲师未持证 instructors not certified");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("REJECTED");

        assertThat(apply(Companies.application(partnerId, "EDUCATION")).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void applyingNeedsAnAuthenticatedCaller() {
        ResponseEntity<String> anonymous = rest.postForEntity("/api/applications",
                Companies.application(Companies.newPartnerId(), "BRAND"), String.class);
        // not one of the users other tests log in as (failures are throttled per client address and user)
        ResponseEntity<String> wrongPassword = rest.withBasicAuth("nobody", "guess")
                .postForEntity("/api/applications", Companies.application(Companies.newPartnerId(), "BRAND"),
                        String.class);

        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void directoryFiltersAndPagesAndRejectsOversizedPages() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "COMMUNITY"));

        JsonNode page = EngineRestClient.read(engine.get(TestUsers.WEBSITE,
                "/api/partners?type=COMMUNITY&status=UNDER_REVIEW&size=200").getBody());
        ResponseEntity<String> oversized = engine.get(TestUsers.WEBSITE, "/api/partners?size=5000");
        ResponseEntity<String> badType = engine.get(TestUsers.WEBSITE, "/api/partners?type=GOLD");

        assertThat(page.path("content").findValuesAsText("partnerId")).contains(partnerId);
        assertThat(page.path("content").findValuesAsText("type")).containsOnly("COMMUNITY");
        assertThat(oversized.getStatusCode().value()).isEqualTo(400);
        assertThat(oversized.getBody()).contains("size");
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(badType.getBody()).contains("type");
        assertThat(engine.get(TestUsers.WEBSITE, "/api/partners/" + Companies.newPartnerId()).getStatusCode().value())
                .isEqualTo(404);
    }
}
