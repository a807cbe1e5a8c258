package com.tencent.bk.partner.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineStatements;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import com.tencent.bk.partner.tiering.TierReevaluation;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shortfalls of one poll start without asking the database what their command already knows: no grant looked
 * for on a task just created, no variables looked for on it, the latest definition of the process read once for
 * all the starts of the command. What those reads would have found is there all the same: the follow-up task's
 * grants for its candidate group, its variables.
 */
class CommandLookupsTest extends ServiceIntegrationTest {

    private static final String MANAGERS = "partner-managers";

    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    TierReevaluation reevaluation;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void theShortfallsOfAPollStartWithoutReadingWhatTheCommandKnows() {
        EngineStatements.installIn(configuration);
        String first = Companies.newPartnerId();
        String second = Companies.newPartnerId();
        List<String> firstCertificates = activePartner(first, "COMMUNITY", 2, 1);
        List<String> secondCertificates = activePartner(second, "COMMUNITY", 2, 1);
        // below their minimum in the registry, without an event: the re-evaluation runs here, on this thread
        jdbcClient.sql("update program.certificate set status = 'REVOKED' where certificate_id = any(?)")
                .param(new String[] {firstCertificates.get(0), secondCertificates.get(0)}).update();

        EngineStatements.Recorded<Integer> started = EngineStatements.during(() -> transaction.execute(status ->
                reevaluation.reevaluate(List.of(first, second), "CERTIFICATION_CHANGE")));

        assertThat(started.result()).as("both partners fell short").isEqualTo(2);
        assertThat(started.count("selectAuthorizationByParameters")).as("grants looked for on new tasks").isZero();
        assertThat(started.count("selectVariablesByTaskId")).as("variables looked for on new tasks").isZero();
        assertThat(started.countStartingWith("selectLatestProcessDefinitionByKey"))
                .as("the latest tier-reevaluation read once for the two starts of one command").isEqualTo(1);

        for (String partnerId : List.of(first, second)) {
            Task followUp = tasks.createTaskQuery().processInstanceBusinessKey(partnerId)
                    .taskDefinitionKey("follow-up-shortfall").singleResult();
            assertThat(followUp).as("follow-up of " + partnerId).isNotNull();
            String id = followUp.getId();
            assertThat(authorizations.isUserAuthorized(TestUsers.MANAGER, List.of(MANAGERS), Permissions.READ,
                    Resources.TASK, id)).as("a manager sees the task").isTrue();
            assertThat(authorizations.isUserAuthorized(TestUsers.MANAGER, List.of(MANAGERS),
                    TaskPermissions.TASK_WORK, Resources.TASK, id)).as("and may work it").isTrue();
            assertThat(authorizations.isUserAuthorized(TestUsers.MANAGER, List.of(MANAGERS),
                    TaskPermissions.UPDATE_VARIABLE, Resources.TASK, id)).as("but not set its variables").isFalse();
            assertThat(authorizations.isUserAuthorized(TestUsers.MANAGER, List.of(MANAGERS),
                    HistoricTaskPermissions.READ, Resources.HISTORIC_TASK, id)).as("and reads its history").isTrue();
            assertThat(authorizations.isUserAuthorized(TestUsers.REVIEWER, List.of("partner-reviewers"),
                    Permissions.READ, Resources.TASK, id)).as("a reviewer does not see it").isFalse();
            assertThat(authorizations.createAuthorizationQuery().resourceId(id).count())
                    .as("one grant per resource, TASK and HISTORIC_TASK").isEqualTo(2);
            assertThat(tasks.getVariablesLocal(id)).containsEntry("partnerId", partnerId)
                    .containsKeys("companyName", "graceEndsOn", "shortfallEvaluationId");
        }
    }
}
