package com.tencent.bk.partner.security;

import java.util.List;
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

    static final String REALM = "BlueKing partner program";
    static final String ADMINS = EngineIdentityAuthenticationProvider.GROUP_PREFIX + "camunda-admin";

    /**
     * Engine-wide figures (metrics, instance and incident counts per definition): for administrators only. The
     * engine cannot say so itself: it checks no permission for metrics, and statistics need only READ on the
     * definitions, which every group has for Tasklist. With and without the {@code /engine/{name}} prefix.
     */
    private static final List<String> ADMIN_ONLY_ENGINE_PATHS = List.of(
            "/metrics", "/metrics/**",
            "/process-definition/statistics", "/process-definition/*/statistics",
            "/process-definition/key/*/statistics", "/process-definition/key/*/tenant-id/*/statistics");

    /** The project's API and Camunda's REST API: stateless HTTP Basic, no anonymous access. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        return http
                // path patterns, not MVC patterns: /engine-rest is served by Camunda's Jersey servlet, not by MVC
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS).denyAll()
                        .requestMatchers(adminOnlyEnginePaths()).hasAuthority(ADMINS)
                        .anyRequest().authenticated())
                // a client that failed too often for a user gets 429 with Retry-After instead of the 401 challenge
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new ThrottleAwareEntryPoint(REALM)))
                .exceptionHandling(denied -> denied.accessDeniedHandler(SecurityProblems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic auth carries no ambient credentials a forged cross-site request could use
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Everything else: the Camunda webapps (their own login, session and CSRF filter), health probes, the
     * redirect from {@code /}, and the API's description (the OpenAPI document and Swagger UI: public, since they
     * describe the API and expose no data; calls made from the UI still log in). Metrics need an authenticated admin.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/camunda/**"), path("/"), path("/error")).permitAll()
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(apiDocumentation()).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority(ADMINS)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new ThrottleAwareEntryPoint(REALM)))
                .exceptionHandling(denied -> denied.accessDeniedHandler(SecurityProblems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the webapps protect themselves with Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"), path("/actuator/**")))
                .build();
    }

    /** springdoc's document (JSON, YAML, the UI's config) and Swagger UI's page and assets, read only; nothing else. */
    private static final List<String> API_DOCUMENTATION = List.of(
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/*");

    private static RequestMatcher[] apiDocumentation() {
        return API_DOCUMENTATION.stream()
                .map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern))
                .toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher[] adminOnlyEnginePaths() {
        return ADMIN_ONLY_ENGINE_PATHS.stream()
                .flatMap(engine -> java.util.stream.Stream.of("/engine-rest" + engine, "/engine-rest/engine/*" + engine))
                .map(SecurityConfiguration::path)
                .toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
