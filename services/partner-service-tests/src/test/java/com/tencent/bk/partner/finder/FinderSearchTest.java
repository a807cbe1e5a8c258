package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Search, filters, paging and detail of the public finder, as an anonymous customer calls them. */
class FinderSearchTest extends FinderIntegrationTest {

    @Test
    void searchMatchesPartOfTheNameInAnyCaseAndFiltersByTypeLevelAndRegion() {
        String token = token();
        String region = "Finder-" + token;
        String brand = activeBrand("福州" + token + "品牌科技有限公司 Fuzhou " + token + " Brand", region);
        String otherCase = activeBrand("厦门" + token + "软件 Xiamen " + token, region.toUpperCase());
        String enterprise = Companies.newPartnerId();
        activePartner(enterprise, "ENTERPRISE", 3, 3, "福建");
        String level = partner(enterprise).path("level").asText();
        String enterpriseToken = enterprise.substring(10).toLowerCase();

        assertThat(foundIds("q", token.toLowerCase())).containsExactlyInAnyOrder(brand, otherCase);
        assertThat(foundIds("q", "  " + token.toUpperCase() + "品牌 ")).containsExactly(brand);
        assertThat(foundIds("q", token, "type", "BRAND")).containsExactlyInAnyOrder(brand, otherCase);
        assertThat(foundIds("q", token, "type", "ENTERPRISE")).isEmpty();
        assertThat(foundIds("region", region.toLowerCase())).as("a region matches in any case")
                .containsExactlyInAnyOrder(brand, otherCase);
        assertThat(foundIds("q", "Xiamen", "region", region)).containsExactly(otherCase);

        assertThat(foundIds("q", enterpriseToken, "type", "ENTERPRISE")).containsExactly(enterprise);
        assertThat(foundIds("q", enterpriseToken, "level", level)).containsExactly(enterprise);
        assertThat(foundIds("q", enterpriseToken, "level", "TRIAL".equals(level) ? "LEVEL_1" : "TRIAL")).isEmpty();
        assertThat(foundIds("q", enterpriseToken, "region", "福建")).containsExactly(enterprise);

        JsonNode listed = found("q", enterpriseToken).path("content").get(0);
        assertThat(listed.path("type").asText()).isEqualTo("ENTERPRISE");
        assertThat(listed.path("level").asText()).isEqualTo(level);
        assertThat(listed.path("region").asText()).isEqualTo("福建");
        assertThat(listed.path("offers").path("zh").asText()).startsWith("可以销售腾讯蓝鲸智云企业版软件");
        assertThat(listed.path("offers").path("en").asText()).startsWith("May sell the BlueKing enterprise edition");

        JsonNode regions = EngineRestClient.read(rest.getForEntity("/api/public/partners/regions", String.class)
                .getBody());
        assertThat(java.util.stream.StreamSupport.stream(regions.spliterator(), false).map(JsonNode::asText)
                .filter(name -> name.equalsIgnoreCase(region))).as("one entry per region, whatever its case")
                .hasSize(1);
    }

    @Test
    void pagesAreBoundedCountedAndInAStableOrderByName() {
        String token = token();
        String c = activeBrand(token + " C 丙数据有限公司", null);
        String a = activeBrand(token + " A 甲信息技术有限公司", null);
        String b = activeBrand(token + " B 乙网络科技有限公司", null);

        JsonNode first = found("q", token, "size", "2");
        assertThat(first.path("content").findValuesAsText("partnerId")).containsExactly(a, b);
        assertThat(first.path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.path("totalPages").asLong()).isEqualTo(2);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(foundIds("q", token, "size", "2", "page", "1")).containsExactly(c);
        assertThat(foundIds("q", token, "size", "2", "page", "7")).isEmpty();
        assertThat(foundIds("q", token, "size", "2")).as("the same order every time").containsExactly(a, b);

        JsonNode unfiltered = found();
        assertThat(unfiltered.path("size").asInt()).as("default page size").isEqualTo(20);
        assertThat(found("size", "50").path("size").asInt()).isEqualTo(50);
    }

    @Test
    void everyBadParameterIsA400ProblemNamingIt() {
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("size", "0"), "size");
        cases.put(List.of("size", "51"), "size");
        cases.put(List.of("size", "ten"), "size");
        cases.put(List.of("page", "-1"), "page");
        cases.put(List.of("page", "1001"), "page");
        cases.put(List.of("type", "PLATINUM"), "type");
        cases.put(List.of("level", "LEVEL_9"), "level");
        cases.put(List.of("region", "<script>"), "region");
        cases.put(List.of("q", "名".repeat(101)), "q");
        cases.put(List.of("status", "TERMINATED"), "status");
        cases.forEach((query, field) -> {
            ResponseEntity<String> response = find(query.toArray(String[]::new));
            assertThat(response.getStatusCode().value()).as(query + ": " + response.getBody()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(EngineRestClient.read(response.getBody()).path("errors").findValuesAsText("field"))
                    .as(query.toString()).containsExactly(field);
        });
        ResponseEntity<String> twice = rest.getForEntity("/api/public/partners?type=BRAND&type=EDUCATION", String.class);
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat(twice.getBody()).contains("given more than once");
    }

    @Test
    void detailShowsAnActivePartnerSinceItsActivationAndAnEducationPartnersApprovedCoursesOnly() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "EDUCATION", 1, 1);
        String approved = course(partnerId, "A 蓝鲸自动化运维入门 Automation basics", "AUTOMATION_OPERATIONS", "auto-0");
        engine.work(TestUsers.REVIEWER, engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-course"),
                Map.of("approved", true, "comment", "ok"));
        kafka.awaitPartnerEvent(partnerId, "bk.partner.course-approved");
        course(partnerId, "B 海量运维实战 Practice (under review)", "LARGE_SCALE_PRACTICE", "dev-0");

        ResponseEntity<String> response = detail(partnerId);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode shown = EngineRestClient.read(response.getBody());
        assertThat(shown.path("partnerId").asText()).isEqualTo(partnerId);
        assertThat(shown.path("type").asText()).isEqualTo("EDUCATION");
        assertThat(shown.path("level").isNull()).isTrue();
        assertThat(shown.path("partnerSince").asText())
                .isEqualTo(partner(partnerId).path("contract").path("startsOn").asText());
        assertThat(shown.path("offers").path("zh").asText()).contains("授课讲师必须具备相应的认证资质");
        assertThat(shown.path("courses").findValuesAsText("title")).containsExactly("A 蓝鲸自动化运维入门 Automation basics");
        assertThat(shown.path("courses").get(0).path("kind").asText()).isEqualTo("AUTOMATION_OPERATIONS");
        assertThat(response.getBody()).as("instructors are not public").doesNotContain("auto-0@", approved);

        assertThat(found("q", partnerId.substring(10)).path("content").get(0).path("courses")
                .findValuesAsText("title")).as("the list shows the same courses")
                .containsExactly("A 蓝鲸自动化运维入门 Automation basics");
    }

    @Test
    void unknownCompanyIsA404Problem() {
        ResponseEntity<String> unknown = detail(Companies.newPartnerId());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(detail("not-a-credit-code").getStatusCode().value()).isEqualTo(404);
    }

    /** Registers a course; returns its id. */
    private String course(String partnerId, String title, String kind, String instructor) {
        ResponseEntity<String> registered = engine.post(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/courses",
                Map.of("title", title, "kind", kind, "instructors", List.of(instructor + "@" + partnerId)));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return EngineRestClient.read(registered.getBody()).path("courseId").asText();
    }

    /** Letters only, unique per test: what the names and regions of a test's companies share. */
    static String token() {
        StringBuilder token = new StringBuilder("Fx");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + random.nextInt(26)));
        }
        return token.toString();
    }
}
