package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 6: wrong passwords from a stranger slow the stranger down, never lock the account. The
 * stranger speaks plain HTTP from other loopback addresses (127.0.0.x), so the service sees another client
 * than the test's own ({@code 127.0.0.1}), exactly as it would see an attacker on the network.
 */
class LockoutAbuseTest extends ServiceIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EngineLockRelease lockRelease;

    @Test
    void wrongPasswordsFromAStrangerNeverLockTheWebsiteAccount() {
        Client stranger = new Client("127.0.0.2");
        for (int i = 0; i < 25; i++) {
            int status = stranger.get("/api/partners", TestUsers.WEBSITE, "guess-" + i).status();
            assertThat(status).isIn(401, 429);
        }
        for (int i = 0; i < 12; i++) {
            assertThat(stranger.get("/engine-rest/user?firstResult=0&maxResults=1", TestUsers.ADMIN, "guess-" + i)
                    .status()).isIn(401, 429);
        }

        assertThat(apply(Companies.application(Companies.newPartnerId(), "BRAND")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(engine.get(TestUsers.WEBSITE, "/api/partners").getStatusCode().value()).isEqualTo(200);
        assertThat(engine.get(TestUsers.ADMIN, "/engine-rest/user?firstResult=0&maxResults=1").getStatusCode()
                .value()).isEqualTo(200);
        assertThat(jdbcClient.sql("select coalesce(max(attempts_), 0) from act_id_user where id_ in (?, ?)")
                .params(TestUsers.WEBSITE, TestUsers.ADMIN).query(Integer.class).single())
                .as("the engine counts no failures towards a lock").isLessThan(10);
    }

    @Test
    void repeatedFailuresAreThrottledWith429AndRetryAfter() {
        Client stranger = new Client("127.0.0.3");
        List<Integer> typos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            typos.add(stranger.get("/api/partners", TestUsers.REVIEWER, "guess-" + i).status());
        }
        // each further failure doubles the refusal (1 s, 2 s, 4 s): wait for one long enough to look at calmly
        AtomicReference<Answer> throttled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            throttled.set(stranger.get("/engine-rest/task?firstResult=0&maxResults=1", TestUsers.REVIEWER, "guess"));
            return throttled.get().status() == 429 && Integer.parseInt(throttled.get().header("retry-after")) >= 3;
        });
        Answer rightPasswordFromTheStranger = stranger.get("/api/partners", TestUsers.REVIEWER,
                TestUsers.password(TestUsers.REVIEWER));

        assertThat(typos).as("a few typos cost nothing").containsOnly(401);
        assertThat(throttled.get().header("content-type")).startsWith("application/problem+json");
        assertThat(EngineRestClient.read(throttled.get().body()).path("status").asInt()).isEqualTo(429);
        assertThat(rightPasswordFromTheStranger.status()).as("no guessing while refused").isEqualTo(429);
        assertThat(rightPasswordFromTheStranger.header("retry-after")).isNotNull();
        assertThat(engine.get(TestUsers.REVIEWER, "/api/partners").getStatusCode().value())
                .as("the real user, from another client, is not affected").isEqualTo(200);
    }

    @Test
    void throttleEndsByItself() {
        Client stranger = new Client("127.0.0.4");
        failUntilRefused(() -> stranger.get("/api/partners", TestUsers.FINANCE, "guess"));

        // the first refusal lasts partner.security.login-throttle.base-delay (1 s)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                stranger.get("/api/partners", TestUsers.FINANCE, TestUsers.password(TestUsers.FINANCE)).status() == 200);
    }

    @Test
    void aForgedForwardedForHeaderDoesNotEscapeTheThrottle() {
        Client stranger = new Client("127.0.0.5");
        AtomicInteger forged = new AtomicInteger();

        List<Integer> statuses = failUntilRefused(() -> stranger.send("GET", "/api/partners", Map.of("Authorization",
                basic(TestUsers.AUDITOR, "guess"), "X-Forwarded-For", "203.0.113." + forged.incrementAndGet()), null));

        assertThat(statuses).endsWith(429);
    }

    @Test
    void webappLoginFailuresDoNotLockTheUser() {
        Client stranger = new Client("127.0.0.6");

        List<Integer> statuses = failUntilRefused(() -> stranger.webappLogin(TestUsers.REVIEWER_MANAGER, "guess"));

        assertThat(statuses).endsWith(429);
        assertThat(new Client("127.0.0.7").webappLogin(TestUsers.REVIEWER_MANAGER,
                TestUsers.password(TestUsers.REVIEWER_MANAGER)).status()).isEqualTo(200);
        assertThat(engine.get(TestUsers.REVIEWER_MANAGER, "/api/partners").getStatusCode().value()).isEqualTo(200);
    }

    /** Wrong passwords until the first refusal: the five free failures are plain 401s. */
    private static List<Integer> failUntilRefused(Supplier<Answer> attempt) {
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 15 && !statuses.contains(429)) {
            statuses.add(attempt.get().status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).as("refused within 15 attempts").contains(429);
        return statuses;
    }

    @Test
    void accountsLockedByTheOldEngineBehaviourAreReleasedAtStartup() {
        String user = "locked.by.old.version";
        if (identityService.createUserQuery().userId(user).count() == 0) {
            var created = identityService.newUser(user);
            created.setPassword("pw-" + user);
            identityService.saveUser(created);
        }
        // as the old engine left an account: ten failures, and a lock (the new limit is never reached by ten)
        jdbcClient.sql("update act_id_user set attempts_ = 10, lock_exp_time_ = now() + interval '1 hour' where id_ = ?")
                .param(user).update();
        assertThat(new Client("127.0.0.8").get("/api/partners", user, "pw-" + user).status())
                .as("locked by the old behaviour").isEqualTo(401);

        lockRelease.releaseLocks();

        assertThat(new Client("127.0.0.8").get("/api/partners", user, "pw-" + user).status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, Map<String, String> headers, List<String> cookies, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Plain HTTP/1.1 over a socket bound to a chosen loopback address: another client, as the service sees it. */
    final class Client {

        private final String address;

        Client(String address) {
            this.address = address;
        }

        Answer get(String path, String user, String password) {
            return send("GET", path, Map.of("Authorization", basic(user, password)), null);
        }

        /** The Camunda webapps' form login, with the session and CSRF token a browser would have. */
        Answer webappLogin(String user, String password) {
            Answer page = send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
            String cookies = String.join("; ", page.cookies());
            Matcher token = Pattern.compile("XSRF-TOKEN=([^;]+)").matcher(cookies);
            assertThat(token.find()).as(page.toString()).isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cookie", cookies);
            headers.put("X-XSRF-TOKEN", token.group(1));
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers, form);
        }

        Answer send(String method, String path, Map<String, String> headers, String body) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                socket.setSoTimeout(10_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                        .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
                        .append("Content-Length: ").append(content.length).append("\r\n");
                headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
                OutputStream out = socket.getOutputStream();
                out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
                return parse(socket.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private Answer parse(InputStream in) throws IOException {
            byte[] raw = in.readAllBytes();
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            List<String> cookies = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                responseHeaders.put(name, value);
                if (name.equals("set-cookie")) {
                    cookies.add(value.split(";", 2)[0]);
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), responseHeaders, cookies,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            while (true) {
                int lineEnd = indexOf(chunked, crlf, at);
                String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    return body.toByteArray();
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] data, byte[] part, int from) {
            for (int i = from; i <= data.length - part.length; i++) {
                if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            throw new IllegalStateException("incomplete HTTP response");
        }
    }
}
