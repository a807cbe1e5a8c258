package com.tencent.bk.partner.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same throttle as for HTTP Basic ({@link LoginThrottle}) in front of the Camunda webapps' form login
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}), which checks the password itself. The
 * form body is read here to learn the user id, then replayed to the webapp.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the body size limit
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    /** A login form is a few hundred bytes; nothing larger is read into memory here. */
    private static final int MAX_FORM = 16 * 1024;

    private final LoginThrottle throttle;

    WebappLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] form = request.getInputStream().readNBytes(MAX_FORM + 1);
        if (form.length > MAX_FORM) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String user = form.length == 0 ? request.getParameter("username") : parameter(form, "username");
        String client = request.getRemoteAddr();
        if (user != null) {
            var refusal = throttle.refusal(client, user);
            if (refusal.isPresent()) {
                ThrottledLoginResponse.write(response, new LoginThrottledException(refusal.get()));
                return;
            }
        }
        chain.doFilter(form.length == 0 ? request : new Replayed(request, form), response);
        if (user == null) {
            return;
        }
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(client, user);
        } else if (status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_FORBIDDEN) {
            // 403: the password was right, the user just may not use that webapp
            throttle.succeeded(client, user);
        }
    }

    private static String parameter(byte[] form, String name) {
        for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(decode(key))) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The request with its body, already read here, readable again by the webapp. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
