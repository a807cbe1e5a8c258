package com.tencent.bk.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** HTTP Basic's 401 challenge, except for a throttled login: 429 with Retry-After. */
class ThrottleAwareEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    ThrottleAwareEntryPoint(String realm) {
        basic.setRealmName(realm);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            ThrottledLoginResponse.write(response, throttled);
        } else {
            basic.commence(request, response, failure);
        }
    }
}
