package com.tencent.bk.partner.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration
class SecurityConfiguration {

    /** The project's API and Camunda's REST API: stateless HTTP Basic, no anonymous access. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        return http
                .securityMatcher("/api/**", "/engine-rest/**")
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
                        .requestMatchers("/camunda/**", "/", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX
                                + "camunda-admin")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("BlueKing partner program"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the webapps protect themselves with Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/actuator/**"))
                .build();
    }
}
