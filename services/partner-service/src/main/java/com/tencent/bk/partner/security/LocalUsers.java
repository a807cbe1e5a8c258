package com.tencent.bk.partner.security;

import com.tencent.bk.partner.process.Bpmn;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users for trying the service on a laptop: one per group, plus the partner website's account.
 * Exists only in the {@code local} profile; production has no default users.
 */
@Component
@Profile("local")
class LocalUsers {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    record LocalUser(String id, String password, String group, String description) {
    }

    static final List<LocalUser> USERS = List.of(
            new LocalUser("reviewer", "reviewer-local", Bpmn.REVIEWERS, "reviews applications"),
            new LocalUser("manager", "manager-local", Bpmn.MANAGERS, "approves enterprise applications, signs"),
            new LocalUser("finance", "finance-local", Bpmn.FINANCE, "resolves payments"),
            new LocalUser("auditor", "auditor-local", Bpmn.AUDITORS, "quarterly audits"),
            new LocalUser("website", "website-local", null, "the partner website: POST /api/applications"));

    private final IdentityService identity;

    LocalUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100) // after AccessSetup created the groups
    void createDemoUsers() {
        StringBuilder table = new StringBuilder("\n\nLocal users (local profile only):\n");
        for (LocalUser user : USERS) {
            if (identity.createUserQuery().userId(user.id()).count() == 0) {
                User created = identity.newUser(user.id());
                created.setFirstName(user.id());
                created.setLastName("(local)");
                created.setPassword(user.password());
                identity.saveUser(created);
                if (user.group() != null) {
                    identity.createMembership(user.id(), user.group());
                }
            }
            table.append(String.format("  %-9s / %-15s %-18s %s%n", user.id(), user.password(),
                    user.group() == null ? "-" : user.group(), user.description()));
        }
        table.append("  admin     / admin-local     camunda-admin      Cockpit, Admin, everything\n");
        log.info("{}", table);
    }
}
