package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The API's description is public and read only, and opens nothing else: the document and Swagger UI need no
 * login, while the API they describe, the actuator and Camunda's REST API still do; a refusal is problem+json.
 */
class ApiDocumentationAccessTest extends ServiceIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theDocumentAndSwaggerUiNeedNoLogin() {
        ResponseEntity<String> json = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(EngineRestClient.read(json.getBody()).path("paths").has("/api/applications")).isTrue();
        ResponseEntity<String> yaml = rest.getForEntity("/v3/api-docs.yaml", String.class);
        assertThat(yaml.getStatusCode().value()).isEqualTo(200);
        assertThat(yaml.getBody()).startsWith("openapi: 3.1");
        assertThat(rest.getForEntity("/v3/api-docs/swagger-config", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> ui = rest.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(rest.getForEntity("/swagger-ui.html", String.class).getStatusCode().is2xxSuccessful()
                || rest.getForEntity("/swagger-ui.html", String.class).getStatusCode().is3xxRedirection()).isTrue();
    }

    @Test
    void everythingElseStillNeedsItsLogin() {
        for (String path : new String[]{"/api/partners", "/api/referrals/unanswered", "/v3/api-docs-private",
                "/v3/other", "/swagger-ui/nested/page.html", "/actuator/env", "/actuator/prometheus", "/engine-rest/user"}) {
            ResponseEntity<String> anonymous = rest.getForEntity(path, String.class);
            assertThat(anonymous.getStatusCode().value()).as(path).isEqualTo(401);
        }
        ResponseEntity<String> challenge = rest.getForEntity("/api/partners", String.class);
        assertThat(challenge.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(challenge.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(EngineRestClient.read(challenge.getBody()).path("status").asInt()).isEqualTo(401);
        ResponseEntity<String> write = rest.exchange("/v3/api-docs", HttpMethod.POST, new HttpEntity<>("{}"),
                String.class);
        assertThat(write.getStatusCode().is2xxSuccessful()).as("the document is read only").isFalse();
    }

    @Test
    void aRefusalForTheCallersGroupsIsProblemDetails() {
        ResponseEntity<String> refused = engine.get(TestUsers.REVIEWER, "/api/referrals/unanswered");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(EngineRestClient.read(refused.getBody()).path("title").asText()).isEqualTo("Forbidden");
    }

    /**
     * BK_API_DOCS=false: on the image's ahead-of-time bean definitions springdoc's beans stay (they were decided
     * when the jar was built), so switching off has to close the paths, not only drop the beans.
     */
    @Test
    void switchedOffTheyAreClosedEvenWhereTheirBeansRemain() throws Exception {
        List<String> paths = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/swagger-ui.html", "/swagger-ui/index.html");
        for (String path : paths) {
            assertThat(anonymousMayRead(path, true, true)).as(path).isTrue();
            assertThat(anonymousMayRead(path, false, false)).as(path).isFalse();
        }
        assertThat(anonymousMayRead("/v3/api-docs", true, false)).isTrue();
        assertThat(anonymousMayRead("/swagger-ui/index.html", true, false)).isFalse();
        assertThat(anonymousMayRead("/v3/api-docs", false, true)).isFalse();
        assertThat(anonymousMayRead("/swagger-ui/index.html", false, true)).isTrue();
    }

    /** The decision of the chain the service builds for the webapps, docs and actuator, with the given switches. */
    private boolean anonymousMayRead(String path, boolean apiDocs, boolean swaggerUi) throws Exception {
        // a plain instance: the context's proxy would answer with the chain it already built
        SecurityFilterChain chain = new SecurityConfiguration().webSecurity(context.getBean(HttpSecurity.class), apiDocs, swaggerUi);
        AuthorizationFilter authorization = chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                .map(AuthorizationFilter.class::cast).findFirst().orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        return authorization.getAuthorizationManager().authorize(() -> new AnonymousAuthenticationToken("test",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), request).isGranted();
    }
}
