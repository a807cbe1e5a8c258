package com.tencent.bk.partner.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's REST API as Tasklist uses it: a user lists, claims and completes tasks with their own
 * credentials, so the engine's authorizations decide what they can see and do.
 */
public final class EngineRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    public EngineRestClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** The tasks of a partner's processes visible to {@code user}. */
    public JsonNode tasks(String user, String partnerId) {
        ResponseEntity<String> response = as(user).getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={key}&firstResult=0&maxResults=100", String.class, partnerId);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return read(response.getBody());
    }

    /** Waits until {@code user} sees the partner's task with this definition key; returns its id. */
    public String awaitTask(String user, String partnerId, String taskDefinitionKey) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode task : tasks(user, partnerId)) {
                if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                    id.set(task.path("id").asText());
                    return true;
                }
            }
            return false;
        });
        return id.get();
    }

    public ResponseEntity<String> claim(String user, String taskId) {
        return post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    }

    public ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
    }

    /** Claims then completes, asserting both succeed. */
    public void work(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> claimed = claim(user, taskId);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
        ResponseEntity<String> completed = complete(user, taskId, variables);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    }

    public ResponseEntity<String> get(String user, String path) {
        return as(user).getForEntity(path, String.class);
    }

    public ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private TestRestTemplate as(String user) {
        return Authenticated.as(rest, user, TestUsers.password(user));
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "null" : body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
