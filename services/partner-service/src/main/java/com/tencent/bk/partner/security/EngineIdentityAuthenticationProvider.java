package com.tencent.bk.partner.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the engine's own users (the ones Camunda Admin manages), so one set
 * of accounts serves Tasklist, the REST API and the project's API. Repeated failures of one client for one
 * user are throttled by {@link LoginThrottle}; the engine itself never locks an account.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (user == null || user.isBlank() || password == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String client = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : "unknown";
        throttle.refusal(client, user).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (!identityService.checkPassword(user, password)) {
            throttle.failed(client, user);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(client, user);
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
