package com.tencent.bk.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** HTTP Basic's 401 challenge (as problem+json), except for a throttled login: 429 with Retry-After. */
class ThrottleAwareEntryPoint implements AuthenticationEntryPoint {

    private final String realm;

    ThrottleAwareEntryPoint(String realm) {
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            ThrottledLoginResponse.write(response, throttled);
        } else {
            SecurityProblems.unauthenticated(response, realm);
        }
    }
}
