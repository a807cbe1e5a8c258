package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The groups' grants are put back at every start. The auditors' reading of decision definitions stands in for all
 * of them: no test acts on it, so taking it away for a moment disturbs no other test.
 */
class AccessSetupTest extends ServiceIntegrationTest {

    @Autowired
    private AccessSetup setup;
    @Autowired
    private AuthorizationService authorizations;

    @Test
    void aGrantThatLostItsPermissionGetsItBackOnTheSameRowAndADeletedOneIsCreatedAgain() {
        Authorization held = decisionReading().get(0);
        held.removePermission(Permissions.READ);
        authorizations.saveAuthorization(held);

        setup.ensureGroupsAndGrants();

        // the engine keeps one grant per group and resource: a second row would break its unique constraint
        assertThat(decisionReading()).singleElement().satisfies(grant -> {
            assertThat(grant.getId()).isEqualTo(held.getId());
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        });

        authorizations.deleteAuthorization(held.getId());
        setup.ensureGroupsAndGrants();
        setup.ensureGroupsAndGrants(); // a second run finds everything in place and writes nothing

        assertThat(decisionReading()).singleElement()
                .satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue());
    }

    private List<Authorization> decisionReading() {
        return authorizations.createAuthorizationQuery().groupIdIn(Bpmn.AUDITORS)
                .resourceType(Resources.DECISION_DEFINITION).resourceId(Authorization.ANY).list().stream()
                .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).toList();
    }
}
