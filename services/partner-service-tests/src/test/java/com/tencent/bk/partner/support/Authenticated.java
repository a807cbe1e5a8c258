package com.tencent.bk.partner.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One client per user and password: {@link TestRestTemplate#withBasicAuth} builds a new RestTemplate, its message
 * converters and an HTTP client with its own selector thread on every call, about a thousand of them per test JVM.
 */
public final class Authenticated {

    private static final Map<List<Object>, TestRestTemplate> CLIENTS = new ConcurrentHashMap<>();

    private Authenticated() {
    }

    public static TestRestTemplate as(TestRestTemplate rest, String user, String password) {
        return CLIENTS.computeIfAbsent(List.of(rest, user, password), key -> rest.withBasicAuth(user, password));
    }
}
