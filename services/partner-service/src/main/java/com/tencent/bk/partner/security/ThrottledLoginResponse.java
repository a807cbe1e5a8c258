package com.tencent.bk.partner.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The one answer to a throttled login, wherever it was tried: 429 problem+json with Retry-After. */
final class ThrottledLoginResponse {

    private ThrottledLoginResponse() {
    }

    static void write(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
        long seconds = throttled.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\",\"status\":429,"
                + "\"detail\":\"Too many failed logins from this address for this user; try again in " + seconds
                + " s\",\"retryAfter\":" + seconds + "}");
    }
}
