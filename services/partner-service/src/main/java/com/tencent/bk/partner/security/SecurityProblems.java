package com.tencent.bk.partner.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security filters' refusals as {@code application/problem+json}, like every other error of the API
 * (docs/contracts.md, "HTTP"), instead of the servlet container's error page: 401 with the Basic challenge, 403.
 */
final class SecurityProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityProblems() {
    }

    static void unauthenticated(HttpServletResponse response, String realm) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        write(response, 401, "Unauthorized", "Log in with HTTP Basic");
    }

    /** For a caller whose groups do not allow the call (a URL rule, or a method's {@code @PreAuthorize}). */
    static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> write(response, 403, "Forbidden",
                "The caller's groups do not allow this call");
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), problem);
    }
}
