package com.tencent.bk.partner.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** The project's API and Camunda's REST API: stateless HTTP Basic, no anonymous access. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        return http
                // path patterns, not MVC patterns: /engine-rest is served by Camunda's Jersey servlet, not by MVC
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("BlueKing partner program"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic auth carries no ambient credentials a forged cross-site request could use
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Everything else: the Camunda webapps (their own login, session and CSRF filter), health probes, and the
     * redirect from {@code /}. Metrics need an authenticated admin.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/camunda/**"), path("/"), path("/error")).permitAll()
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX
                                + "camunda-admin")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("BlueKing partner program"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the webapps protect themselves with Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"), path("/actuator/**")))
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
