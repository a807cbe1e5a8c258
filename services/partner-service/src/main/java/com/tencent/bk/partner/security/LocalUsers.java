package com.tencent.bk.partner.security;

import com.tencent.bk.partner.process.Bpmn;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo users for trying the service on a laptop: one per group, a lead in two groups (to see the four-eyes
 * rule at work), and the partner website's account.
 * Created only when the {@code local} profile is active; production has no default users. The profile is checked
 * when the service is ready rather than with {@code @Profile}: the image runs on bean definitions fixed when the
 * jar was built (Spring AOT, processed without a profile), which serve the {@code local} runs of the bench and the
 * fault tests as well.
 */
@Component
class LocalUsers {

    static final String PROFILE = "local";

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    record LocalUser(String id, String password, List<String> groups, String description) {
    }

    static final List<LocalUser> USERS = List.of(
            new LocalUser("reviewer", "reviewer-local", List.of(Bpmn.REVIEWERS), "reviews applications"),
            new LocalUser("manager", "manager-local", List.of(Bpmn.MANAGERS), "approves enterprise applications, signs"),
            new LocalUser("lead", "lead-local", List.of(Bpmn.REVIEWERS, Bpmn.MANAGERS),
                    "reviews or approves, never both for one application"),
            new LocalUser("finance", "finance-local", List.of(Bpmn.FINANCE), "resolves payments"),
            new LocalUser("auditor", "auditor-local", List.of(Bpmn.AUDITORS), "quarterly audits"),
            new LocalUser("website", "website-local", List.of(), "the partner website: POST /api/applications"));

    private final IdentityService identity;
    private final Environment environment;
    private final String adminId;
    private final String adminPassword;

    LocalUsers(IdentityService identity, Environment environment, @Value("${camunda.bpm.admin-user.id}") String adminId,
               @Value("${camunda.bpm.admin-user.password}") String adminPassword) {
        this.identity = identity;
        this.environment = environment;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100) // after AccessSetup created the groups
    void createDemoUsers() {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        StringBuilder table = new StringBuilder("\n\nLocal users (local profile only):\n");
        for (LocalUser user : USERS) {
            if (identity.createUserQuery().userId(user.id()).count() == 0) {
                User created = identity.newUser(user.id());
                created.setFirstName(user.id());
                created.setLastName("(local)");
                created.setPassword(user.password());
                identity.saveUser(created);
                user.groups().forEach(group -> identity.createMembership(user.id(), group));
            }
            table.append(String.format("  %-9s / %-15s %-34s %s%n", user.id(), user.password(),
                    user.groups().isEmpty() ? "-" : String.join(", ", user.groups()), user.description()));
        }
        table.append(String.format("  %-9s / %-15s %-34s %s%n", adminId, adminPassword, "camunda-admin",
                "Cockpit, Admin, everything"));
        log.info("{}", table);
    }
}
