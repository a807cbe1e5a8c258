package com.tencent.bk.partner.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password: this client failed too often for this user, for now. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
