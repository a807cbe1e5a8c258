package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the public finder must never show: companies that are not ACTIVE partners (applicants, rejected,
 * terminated), and of active ones their contacts, headcounts and evaluations. And only its own paths are public.
 */
class FinderPrivacyTest extends FinderIntegrationTest {

    private static final Set<String> PUBLIC_FIELDS = Set.of("partnerId", "companyName", "type", "level", "region",
            "partnerSince", "offers", "courses");
    /** The contact every test application carries (Companies.application). */
    private static final List<String> CONTACT = List.of("张三", "zhang.san@example.com", "+86 138 0000 0000");

    @Test
    void onlyActivePartnersAppearAndATerminatedOneDisappears() {
        String token = FinderSearchTest.token();
        String active = activeBrand(token + " 在册品牌 Active", null);
        String applicant = applied("BRAND", token + " 申请中 Applicant", null);
        String rejected = rejectedBrand(token + " 已拒绝 Rejected");
        String terminated = activeBrand(token + " 将终止 To be terminated", null);
        assertThat(foundIds("q", token)).containsExactlyInAnyOrder(active, terminated);
        assertThat(detail(terminated).getStatusCode().value()).isEqualTo(200);

        terminate(terminated);

        assertThat(foundIds("q", token)).containsExactly(active);
        assertThat(found("q", token).path("totalElements").asLong()).isEqualTo(1);
        for (String hidden : List.of(applicant, rejected, terminated)) {
            ResponseEntity<String> response = detail(hidden);
            assertThat(response.getStatusCode().value()).as(hidden).isEqualTo(404);
            assertThat(EngineRestClient.read(response.getBody()).path("detail").asText()).as("a 404 does not tell why")
                    .isEqualTo(EngineRestClient.read(detail(Companies.newPartnerId()).getBody()).path("detail").asText());
        }
        // the authenticated directory still knows them: the finder hides them, nothing was deleted
        assertThat(partner(terminated).path("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void noContactHeadcountEvaluationOrStatusLeavesThroughThePublicJson() {
        String token = FinderSearchTest.token();
        String partnerId = activeBrand(token + " 隐私品牌 Privacy", "深圳");
        JsonNode internal = partner(partnerId);
        assertThat(internal.has("headcount") && internal.has("evaluation")).as("the directory has them").isTrue();

        for (String body : List.of(find("q", token).getBody(), detail(partnerId).getBody(), find("size", "50").getBody())) {
            JsonNode json = EngineRestClient.read(body);
            List<JsonNode> partners = new ArrayList<>();
            json.path("content").forEach(partners::add);
            if (json.has("partnerId")) {
                partners.add(json);
            }
            assertThat(partners).isNotEmpty();
            partners.forEach(partner -> assertThat(fieldNames(partner)).isEqualTo(PUBLIC_FIELDS));
        }
        for (String body : List.of(find("q", token).getBody(), detail(partnerId).getBody())) {
            assertThat(body).contains(partnerId).doesNotContain(CONTACT.toArray(String[]::new))
                    .doesNotContain("headcount", "evaluation", "contact", "status", "automationService",
                            "ruleVersion", "contractId", "email", "phone");
        }
        assertThat(fieldNames(EngineRestClient.read(find("q", token).getBody())))
                .containsExactlyInAnyOrder("content", "page", "size", "totalElements", "totalPages");
    }

    @Test
    void onlyTheFindersPathsArePublicAndOnlyForReading() {
        assertThat(find().getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/partners/", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/", String.class).getBody()).contains("href=\"/partners/\"");
        assertThat(rest.getForEntity("/partners/91350100M000100Y43", String.class).getBody())
                .as("a partner's address serves the page, so a link or a reload lands on it").contains("/partners/finder.js");

        for (String path : List.of("/api/partners", "/api/partners/at-risk", "/engine-rest/task?firstResult=0&maxResults=1",
                "/api/public/anything-else", "/api/dead-letters")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
        }
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            ResponseEntity<String> write = rest.exchange("/api/public/partners", method,
                    new HttpEntity<>(Map.of("companyName", "x"), json), String.class);
            assertThat(write.getStatusCode().value()).as(method.name()).isEqualTo(403);
        }
        // credentials change nothing on a public path: they are not even checked
        ResponseEntity<String> withWrongPassword = rest.withBasicAuth(TestUsers.WEBSITE, "wrong")
                .getForEntity("/api/public/partners", String.class);
        assertThat(withWrongPassword.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> page = rest.getForEntity("/partners/", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("Set-Cookie")).as("no session for a visitor").isNull();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
