package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencent.bk.partner.PartnerServiceApplication;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
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
