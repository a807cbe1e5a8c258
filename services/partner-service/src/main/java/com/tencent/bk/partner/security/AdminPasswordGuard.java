package com.tencent.bk.partner.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with no admin password: the engine would otherwise create its admin user with an empty
 * one. Runs before any bean, so nothing is created first. The {@code local} profile sets its own password.
 * The build's ahead-of-time processing ({@code spring.aot.processing}, set by Spring while it generates the bean
 * definitions) starts nothing and needs none.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    private static final String AOT_PROCESSING = "spring.aot.processing";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Boolean.getBoolean(AOT_PROCESSING)) {
            return;
        }
        String password = environment.getProperty(PASSWORD_PROPERTY);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("No admin password: set BK_ADMIN_PASSWORD (" + PASSWORD_PROPERTY
                    + "). The service does not start with a default or empty admin password.");
        }
    }
}
