package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencent.bk.partner.PartnerServiceApplication;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.EngineRestClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The defaults that keep the service safe to expose, checked on the running service. */
class SecurityHardeningTest extends ServiceIntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void productionHasNoDemoUsers() {
        for (String demo : new String[]{"reviewer", "manager", "finance", "auditor", "website", "demo"}) {
            assertThat(identityService.createUserQuery().userId(demo).count()).as(demo).isZero();
        }
    }

    @Test
    void userIdsMayBeNamesOrEmailsButNotInjections() {
        for (String id : new String[]{"li.na", "wang_wei", "zhang.san@example.com"}) {
            identityService.saveUser(identityService.newUser(id));
            assertThat(identityService.createUserQuery().userId(id).count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> identityService.saveUser(identityService.newUser("x' or '1'='1")))
                .hasMessageContaining("not a valid resource identifier");
    }

    @Test
    void serviceRefusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PartnerServiceApplication.class)
                .run("--camunda.bpm.admin-user.password=", "--server.port=0"))
                .hasMessageContaining("BK_ADMIN_PASSWORD");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        Map<String, Object> body = new LinkedHashMap<>(Companies.application(Companies.newPartnerId(), "BRAND"));
        body.put("companyName", "x".repeat(100_000));

        ResponseEntity<String> response = apply(body);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void oversizedBodiesToTheEngineRestApiAreRefusedToo() {
        String variables = "{\"variables\":{\"comment\":{\"value\":\"" + "x".repeat(1536 * 1024) + "\"}}}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> response = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN))
                .exchange("/engine-rest/task/no-such-task/complete", HttpMethod.POST,
                        new HttpEntity<>(variables, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void unboundedEngineQueriesAreRefused() {
        ResponseEntity<String> response = engine.get(TestUsers.ADMIN, "/engine-rest/process-instance");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("unbound number of results");
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String instance = onboardingInstance();

        ResponseEntity<String> response = setSerializedVariable(instance, "evil", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                "java.util.HashMap", "application/x-java-serialized-object");

        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isFalse();
        assertThat(runtime.getVariable(instance, "evil")).isNull();
    }

    @Test
    void jsonVariablesAreNeverDeserializedIntoTypesOutsideTheAllowList() {
        String instance = onboardingInstance();

        ResponseEntity<String> stored = setSerializedVariable(instance, "gadget",
                "{\"url\":\"jdbc:postgresql://attacker.example/x\"}",
                "org.springframework.jdbc.datasource.DriverManagerDataSource", "application/json");

        assertThat(stored.getStatusCode().value()).as("kept as text, never turned into an object").isEqualTo(204);
        assertThatThrownBy(() -> runtime.getVariable(instance, "gadget"))
                .hasMessageContaining("DriverManagerDataSource");
        assertThat(engine.get(TestUsers.ADMIN, "/engine-rest/process-instance/" + instance
                + "/variables/gadget?deserializeValue=true").getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    void webappsKeepTheirCsrfProtection() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> response = rest.exchange("/camunda/api/admin/auth/user/default/logout",
                HttpMethod.POST, new HttpEntity<>("", headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    }

    @Test
    void errorsCarryNoStackTraceOrSql() {
        ResponseEntity<String> response = engine.get(TestUsers.WEBSITE, "/api/partners?page=-1");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("Exception", "at com.", "select ", "SQL");
    }

    // issue 10, item 8: a catalogue of small abuses, each answered with a clear 4xx

    @Test
    void nulCharacterInATextFieldIsA400NamingTheField() {
        Map<String, Object> body = new LinkedHashMap<>(Companies.application(Companies.newPartnerId(), "BRAND"));
        body.put("companyName", "Evil\u0000 Corp");
        body.put("contact", Map.of("name", "\u0007bell", "email", "zhang.san@example.com", "phone", "+86 138 0000 0000"));

        ResponseEntity<String> response = apply(body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = EngineRestClient.read(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).containsAnyOf("companyName", "contact.name");
        assertThat(problem.path("errors").findValuesAsText("message")).contains("must not contain control characters");
        Map<String, Object> multiLine = new LinkedHashMap<>(Companies.application(Companies.newPartnerId(), "BRAND"));
        multiLine.put("companyName", "Tab\tand line\nbreaks are text");
        assertThat(apply(multiLine).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void negativePagingOfTheEngineRestApiIsA400() {
        ResponseEntity<String> firstResult = engine.get(TestUsers.REVIEWER, "/engine-rest/task?firstResult=-5&maxResults=10");
        ResponseEntity<String> maxResults = engine.get(TestUsers.REVIEWER, "/engine-rest/task?firstResult=0&maxResults=-1");

        assertThat(firstResult.getStatusCode().value()).isEqualTo(400);
        assertThat(firstResult.getBody()).contains("firstResult must be a whole number").doesNotContain("SQL", "OFFSET");
        assertThat(maxResults.getStatusCode().value()).isEqualTo(400);
        assertThat(maxResults.getBody()).contains("maxResults");
    }

    @Test
    void emptyMigrationIsA4xxWithoutClassNames() {
        ResponseEntity<String> empty = engine.post(TestUsers.ADMIN, "/engine-rest/migration/execute", Map.of());
        ResponseEntity<String> wrongShape = engine.post(TestUsers.ADMIN, "/engine-rest/migration/execute",
                Map.of("migrationPlan", "not an object", "processInstanceIds", 5));

        for (ResponseEntity<String> response : List.of(empty, wrongShape)) {
            assertThat(response.getStatusCode().is4xxClientError()).as(response.getBody()).isTrue();
            assertThat(response.getBody()).doesNotContain("NullPointer", "org.camunda", "java.", "Dto", "\tat ");
        }
    }

    @Test
    void stringsAndNumbersAreNotBooleans() {
        for (Object notABoolean : List.of("true", 1)) {
            Map<String, Object> body = new LinkedHashMap<>(Companies.application(Companies.newPartnerId(), "BRAND"));
            body.put("attestations", Map.of("acceptsProgramRules", notABoolean, "noCompetingProducts", true));

            ResponseEntity<String> response = apply(body);

            assertThat(response.getStatusCode().value()).as("%s", notABoolean).isEqualTo(400);
            assertThat(EngineRestClient.read(response.getBody()).path("errors").findValuesAsText("field"))
                    .containsExactly("attestations.acceptsProgramRules");
        }
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        String partnerId = Companies.newPartnerId();
        String top = "{\"partnerId\":\"" + partnerId + "\",\"companyName\":\"A\",\"companyName\":\"B\","
                + "\"type\":\"BRAND\",\"contact\":{\"name\":\"n\",\"email\":\"a@example.com\",\"phone\":\"+86 138 0000 0000\"},"
                + "\"attestations\":{\"acceptsProgramRules\":true,\"noCompetingProducts\":true}}";
        String nested = top.replace("\"companyName\":\"A\",", "")
                .replace("\"acceptsProgramRules\":true,", "\"acceptsProgramRules\":false,\"acceptsProgramRules\":true,");

        assertThat(fieldsOf(postRaw(top))).containsExactly("companyName");
        assertThat(fieldsOf(postRaw(nested))).containsExactly("attestations.acceptsProgramRules");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).count()).isZero();
    }

    @Test
    void engineWideFiguresAreForAdministratorsOnly() {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                onboardingBusinessKey()).singleResult().getProcessDefinitionId();
        List<String> adminOnly = List.of("/engine-rest/metrics", "/engine-rest/metrics/activity-instance-start/sum",
                "/engine-rest/engine/default/metrics/activity-instance-start/sum",
                "/engine-rest/process-definition/statistics",
                "/engine-rest/process-definition/" + definitionId + "/statistics",
                "/engine-rest/process-definition/key/partner-onboarding/statistics",
                "/engine-rest/engine/default/process-definition/statistics");

        for (String path : adminOnly) {
            assertThat(engine.get(TestUsers.WEBSITE, path).getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(engine.get(TestUsers.REVIEWER, path).getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(engine.get(TestUsers.ADMIN, path).getStatusCode().value()).as(path).isEqualTo(200);
        }
        assertThat(engine.get(TestUsers.REVIEWER, "/engine-rest/process-definition?firstResult=0&maxResults=5")
                .getStatusCode().value()).as("Tasklist still reads the definitions").isEqualTo(200);
    }

    /**
     * The webapps serve their own copy of the engine API ({@code /camunda/api/engine/…}, Tasklist's session): the
     * engine itself refuses the figures to a non-administrator, whichever API asks.
     */
    @Test
    void engineFiguresAreRefusedInTheEngineWhicheverApiAsks() {
        identityService.setAuthentication(TestUsers.REVIEWER, List.of("partner-reviewers"));
        try {
            assertThatThrownBy(() -> management.createMetricsQuery().sum())
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            assertThatThrownBy(() -> management.createProcessDefinitionStatisticsQuery().list())
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            assertThatThrownBy(() -> management.createDeploymentStatisticsQuery().list())
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(TestUsers.ADMIN, List.of("camunda-admin"));
        try {
            assertThat(management.createProcessDefinitionStatisticsQuery().listPage(0, 10)).isNotEmpty();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(management.createMetricsQuery().sum()).as("the service's own reads").isNotNegative();
    }

    @Test
    void atRiskWindowOfAYearIsAcceptedAsItsMessageSays() {
        ResponseEntity<String> year = engine.get(TestUsers.WEBSITE, "/api/partners/at-risk?within=P1Y");
        ResponseEntity<String> twelveMonths = engine.get(TestUsers.WEBSITE, "/api/partners/at-risk?within=P12M");
        ResponseEntity<String> longer = engine.get(TestUsers.WEBSITE, "/api/partners/at-risk?within=P1Y1D");
        ResponseEntity<String> negative = engine.get(TestUsers.WEBSITE, "/api/partners/at-risk?within=P-1D");

        assertThat(year.getStatusCode().value()).as(year.getBody()).isEqualTo(200);
        assertThat(twelveMonths.getStatusCode().value()).isEqualTo(200);
        assertThat(longer.getStatusCode().value()).isEqualTo(400);
        assertThat(longer.getBody()).contains("within", "between P0D and P1Y");
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
    }

    private ResponseEntity<String> postRaw(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(TestUsers.WEBSITE, TestUsers.password(TestUsers.WEBSITE))
                .exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    private static List<String> fieldsOf(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        return EngineRestClient.read(response.getBody()).path("errors").findValuesAsText("field");
    }

    private String onboardingBusinessKey() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        return partnerId;
    }

    /** The onboarding process of a fresh BRAND applicant. */
    private String onboardingInstance() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).singleResult().getId();
    }

    /** Sets an Object variable from its serialized form through the engine's REST API, as an administrator. */
    private ResponseEntity<String> setSerializedVariable(String instance, String name, String serialized,
                                                        String objectTypeName, String format) {
        return engine.post(TestUsers.ADMIN, "/engine-rest/process-instance/" + instance + "/variables",
                Map.of("modifications", Map.of(name, Map.of("type", "Object", "value", serialized,
                        "valueInfo", Map.of("objectTypeName", objectTypeName, "serializationDataFormat", format)))));
    }
}
