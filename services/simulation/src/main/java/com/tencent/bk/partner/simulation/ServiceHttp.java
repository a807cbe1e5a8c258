package com.tencent.bk.partner.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

/** The service's HTTP side as the simulated people use it, with the {@code local} profile's users. */
final class ServiceHttp {

    static final Map<String, String> PASSWORDS = Map.of("website", "website-local", "reviewer", "reviewer-local",
            "manager", "manager-local", "lead", "lead-local", "finance", "finance-local", "auditor", "auditor-local",
            "admin", "admin-local");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    ServiceHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    int apply(String partnerId, String type, String companyName) {
        ObjectNode body = JSON.createObjectNode().put("partnerId", partnerId).put("companyName", companyName)
                .put("type", type);
        body.putObject("contact").put("name", "韩梅梅").put("email", "sim@example.com").put("phone", "+86-10-88880000");
        body.putObject("attestations").put("acceptsProgramRules", true).put("noCompetingProducts", true);
        return send("website", "POST", "/api/applications", body.toString()).status();
    }

    /**
     * Claims and completes a task as {@code user}; the completion's status (204 done). A 400 means the simulation
     * sent what the task does not accept — a defect of the simulation — except for a signature the service
     * refuses because the company falls short ({@code refusalExpected}).
     */
    int work(String user, String taskId, Map<String, Object> variables, boolean refusalExpected) {
        Answer claim = send(user, "POST", "/engine-rest/task/" + taskId + "/claim",
                JSON.createObjectNode().put("userId", user).toString());
        if (claim.status() != 204) {
            return claim.status();
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode typed = body.putObject("variables");
        variables.forEach((name, value) -> typed.putObject(name).set("value", JSON.valueToTree(value)));
        Answer done = send(user, "POST", "/engine-rest/task/" + taskId + "/complete", body.toString());
        if (done.status() == 400 && !(refusalExpected && done.body().contains("minimums must hold"))) {
            throw new IllegalStateException("the simulation sent a completion the task does not accept: " + done.body());
        }
        return done.status();
    }

    /** The website confirms the attestations for a partner's open renewal; 201 recorded, 409 none open. */
    int confirmRenewalAttestations(String partnerId) {
        return send("website", "POST", "/api/partners/" + partnerId + "/renewal-attestations",
                JSON.createObjectNode().put("acceptsProgramRules", true).put("noCompetingProducts", true).toString())
                .status();
    }

    JsonNode moveClock(OffsetDateTime now) {
        Answer answer = send("admin", "POST", "/api/simulation/clock",
                JSON.createObjectNode().put("now", now.toString()).toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("POST /api/simulation/clock answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.json();
    }

    JsonNode idle() {
        Answer answer = send("admin", "GET", "/api/simulation/idle", null);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/simulation/idle answered " + answer.status());
        }
        return answer.json();
    }

    Answer send(String user, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
