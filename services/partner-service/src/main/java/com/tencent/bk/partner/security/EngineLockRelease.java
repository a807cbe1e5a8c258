package com.tencent.bk.partner.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Releases, at every start, the locks the engine's own login throttle left in {@code ACT_ID_USER}: before
 * this version, ten wrong passwords locked an account for good (only an administrator, or the database for
 * {@code admin} itself, could unlock it). The engine no longer locks (application.yml), so after an upgrade
 * this runs once with effect and afterwards only resets the engine's harmless failure counter.
 */
@Component
class EngineLockRelease {

    private static final Logger log = LoggerFactory.getLogger(EngineLockRelease.class);
    private static final int PAGE = 500;

    private final IdentityService identity;

    EngineLockRelease(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10) // before anyone logs in through a test or the local profile's users are created
    void releaseLocks() {
        int users = 0;
        for (int first = 0; ; first += PAGE) {
            List<User> page = identity.createUserQuery().orderByUserId().asc().listPage(first, PAGE);
            // unlockUser writes only for a user with failed attempts or a lock
            page.forEach(user -> identity.unlockUser(user.getId()));
            users += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info("Engine login locks released for {} user(s); failed logins are throttled per client instead", users);
    }
}
