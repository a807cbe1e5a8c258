package com.tencent.bk.partner.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The public partner finder, for anyone: the landing page, the finder's page and files, and its read-only
     * JSON. Nothing else of the service is public.
     */
    private static final List<String> PUBLIC_PATHS = List.of("/", "/index.html", "/partners", "/partners/**",
            "/api/public/partners", "/api/public/partners/**");

    /** Pages that load their own script and style only, talk only to this service, and are never framed. */
    private static final String PUBLIC_CONTENT_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The public paths: GET (and HEAD) without a login, every other method refused. No HTTP Basic here, so a
     * caller's credentials are neither needed nor checked; the finder's JSON is limited per client address
     * (finder.RateLimitFilter).
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(PUBLIC_PATHS.stream().map(SecurityConfiguration::path).toList()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS.stream().flatMap(pattern -> java.util.stream.Stream.of(
                                path(HttpMethod.GET, pattern), path(HttpMethod.HEAD, pattern)))
                                .toArray(RequestMatcher[]::new)).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // read-only: nothing to forge
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PUBLIC_CONTENT_POLICY)))
                .build();
    }

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
     * Everything else: the Camunda webapps (their own login, session and CSRF filter), health probes, and the
     * API's description (the OpenAPI document and Swagger UI: public, since they describe the API and expose no
     * data; calls made from the UI still log in). Metrics need an authenticated admin.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http,
                                    @Value("${springdoc.api-docs.enabled:true}") boolean apiDocs,
                                    @Value("${springdoc.swagger-ui.enabled:true}") boolean swaggerUi) throws Exception {
        List<String> documentation = new ArrayList<>();
        if (apiDocs) {
            documentation.addAll(API_DOCUMENT);
        }
        if (swaggerUi) {
            documentation.addAll(SWAGGER_UI);
        }
        return http
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(path("/camunda/**"), path("/error")).permitAll()
                            .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll();
                    if (!documentation.isEmpty()) {
                        requests.requestMatchers(readOnly(documentation)).permitAll();
                    }
                    requests.requestMatchers(path("/actuator/**")).hasAuthority(ADMINS)
                            .anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new ThrottleAwareEntryPoint(REALM)))
                .exceptionHandling(denied -> denied.accessDeniedHandler(SecurityProblems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the webapps protect themselves with Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"), path("/actuator/**")))
                .build();
    }

    /**
     * springdoc's document (JSON, YAML, the UI's config) and Swagger UI's page and assets, read only; nothing else.
     * Opened here only while switched on ({@code BK_API_DOCS}): on the image's ahead-of-time bean definitions,
     * built with both on, switching them off no longer removes their beans.
     */
    private static final List<String> API_DOCUMENT = List.of("/v3/api-docs", "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config");
    private static final List<String> SWAGGER_UI = List.of("/swagger-ui.html", "/swagger-ui/*");

    private static RequestMatcher[] readOnly(List<String> patterns) {
        return patterns.stream()
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

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
