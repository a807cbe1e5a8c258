package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The service's HTTP side as the partner website and Tasklist users use it: {@code /api/**} and Camunda's
 * {@code /engine-rest}, with HTTP Basic and the {@code local} profile's users.
 */
public final class ServiceApi {

    static final String WEBSITE = "website";
    static final String REVIEWER = "reviewer";
    static final String MANAGER = "manager";
    static final String ADMIN = "admin";
    private static final Map<String, String> PASSWORDS = Map.of(WEBSITE, "website-local", REVIEWER, "reviewer-local",
            MANAGER, "manager-local", ADMIN, Infrastructure.env("BK_ADMIN_PASSWORD", "admin-local"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public ServiceApi(int port) {
        this("http://localhost:" + port);
    }

    ServiceApi(String baseUrl) {
        this.base = baseUrl;
    }

    public boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POST /api/applications as the website; returns the status code (201 when accepted). */
    int apply(String partnerId, String type) {
        return apply(partnerId, type, "基准测试科技有限公司 Bench " + partnerId.substring(8));
    }

    int apply(String partnerId, String type, String companyName) {
        ObjectNode body = JSON.createObjectNode()
                .put("partnerId", partnerId)
                .put("companyName", companyName)
                .put("type", type);
        body.putObject("contact").put("name", "李雷").put("email", "bench@example.com").put("phone", "+86-10-88880000");
        body.putObject("attestations").put("acceptsProgramRules", true).put("noCompetingProducts", true);
        return send(WEBSITE, "POST", "/api/applications", body.toString()).statusCode();
    }

    /** Ids of the tasks with this definition key of the given partners' processes that {@code user} sees. */
    List<String> taskIds(String user, String taskDefinitionKey, Collection<String> partnerIds) {
        String path = "/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey
                + "&processInstanceBusinessKeyIn=" + URLEncoder.encode(String.join(",", partnerIds), StandardCharsets.UTF_8)
                + "&firstResult=0&maxResults=" + Math.max(1, partnerIds.size() * 2);
        HttpResponse<String> response = send(user, "GET", path, null);
        expect(response, 200, path);
        List<String> ids = new ArrayList<>();
        read(response.body()).forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    /** Claims and completes a task as {@code user}, as Tasklist does. */
    void work(String user, String taskId, Map<String, Object> variables) {
        String claim = "/engine-rest/task/" + taskId + "/claim";
        expect(send(user, "POST", claim, JSON.createObjectNode().put("userId", user).toString()), 204, claim);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode typed = body.putObject("variables");
        variables.forEach((name, value) -> typed.putObject(name).set("value", JSON.valueToTree(value)));
        String complete = "/engine-rest/task/" + taskId + "/complete";
        expect(send(user, "POST", complete, body.toString()), 204, complete);
    }

    /** PUT /api/partners/{id}/deadlines/{timer} as a manager: the timer falls due at {@code dueAt}. */
    void moveDeadline(String partnerId, String timer, java.time.Instant dueAt, String reason) {
        String path = "/api/partners/" + partnerId + "/deadlines/" + timer;
        String body = JSON.createObjectNode().put("dueAt", dueAt.toString()).put("reason", reason).toString();
        expect(send(MANAGER, "PUT", path, body), 200, path);
    }

    /** {@code /actuator/prometheus} as the administrator: the service's metrics in Prometheus text format. */
    String metrics() {
        HttpResponse<String> response = send(ADMIN, "GET", "/actuator/prometheus", null, "text/plain");
        expect(response, 200, "/actuator/prometheus");
        return response.body();
    }

    JsonNode partner(String partnerId) {
        String path = "/api/partners/" + partnerId;
        HttpResponse<String> response = send(WEBSITE, "GET", path, null);
        expect(response, 200, path);
        return read(response.body());
    }

    private HttpResponse<String> send(String user, String method, String path, String body) {
        return send(user, method, path, body, "application/json");
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
