package com.tencent.bk.partner.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users the tests act as; production has none of them. */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String REVIEWER = "rita";
    /** In both reviewers and managers: may review or approve, never both for one application. */
    public static final String REVIEWER_MANAGER = "rob";
    public static final String MANAGER = "max";
    public static final String FINANCE = "fay";
    public static final String AUDITOR = "alan";
    /** In both auditors and managers: may find a deception, never also confirm the termination it raised. */
    public static final String AUDITOR_MANAGER = "ada";
    public static final String WEBSITE = "partnersite";

    private TestUsers() {
    }

    public static String password(String user) {
        return ADMIN.equals(user) ? ADMIN_PASSWORD : "pw-" + user;
    }

    public static synchronized void ensure(IdentityService identity) {
        create(identity, REVIEWER, List.of("partner-reviewers"));
        create(identity, REVIEWER_MANAGER, List.of("partner-reviewers", "partner-managers"));
        create(identity, MANAGER, List.of("partner-managers"));
        create(identity, FINANCE, List.of("finance"));
        create(identity, AUDITOR, List.of("auditors"));
        create(identity, AUDITOR_MANAGER, List.of("auditors", "partner-managers"));
        create(identity, WEBSITE, List.of());
    }

    private static void create(IdentityService identity, String id, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("(test)");
        user.setPassword(password(id));
        identity.saveUser(user);
        groups.forEach(group -> identity.createMembership(id, group));
    }
}
