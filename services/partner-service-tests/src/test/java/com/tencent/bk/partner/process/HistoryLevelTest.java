package com.tencent.bk.partner.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine keeps the history the program office needs — who claimed and completed each task, the final value
 * of every variable — without a row per variable update; a database created with {@code full} is taken over.
 */
class HistoryLevelTest extends ServiceIntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    CamundaBpmProperties properties;

    private long count(String sql, String partnerId) {
        return jdbcClient.sql(sql).param(partnerId).query(Long.class).single();
    }

    @Test
    void whoDidWhatIsKeptButNotEveryVariableUpdate() {
        assertThat(management.getHistoryLevel()).isEqualTo(ProgramHistoryLevel.ID);
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);

        String ofThePartner = " where proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ = ?)";
        assertThat(count("select count(*) from act_hi_op_log" + ofThePartner
                + " and operation_type_ = 'Complete' and user_id_ is not null", partnerId))
                .as("task completions with their user").isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from act_hi_taskinst" + ofThePartner + " and assignee_ is not null",
                partnerId)).as("tasks with who worked them").isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from act_hi_varinst" + ofThePartner + " and name_ = 'reviewedBy'",
                partnerId)).as("final variable values").isEqualTo(1);
        assertThat(count("select count(*) from act_hi_detail" + ofThePartner, partnerId))
                .as("no row per variable update").isZero();
    }

    @Test
    void theActivitiesOfAProcessAreKeptButNotTheGatewaysThatRoutedIt() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1);

        String ofThePartner = " where proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ = ?)";
        assertThat(count("select count(*) from act_hi_actinst" + ofThePartner + " and act_type_ = 'userTask'"
                + " and end_time_ is not null", partnerId)).as("tasks done").isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from act_hi_actinst" + ofThePartner + " and act_type_ = 'serviceTask'",
                partnerId)).as("steps the service took").isPositive();
        assertThat(count("select count(*) from act_hi_actinst" + ofThePartner + " and act_type_ like '%Gateway'",
                partnerId)).as("gateways passed").isZero();
        // the routing happened all the same: the onboarding ran to its end
        assertThat(count("select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is not null"
                + " and proc_def_key_ = 'partner-onboarding'", partnerId)).isEqualTo(1);
    }

    @Test
    void theCopiesATaskShowsAreNotHistoryButTheTaskAndItsDecisionAre() {
        String partnerId = Companies.newPartnerId();
        apply(Companies.application(partnerId, "BRAND"));
        String review = engine.awaitTask(TestUsers.REVIEWER, partnerId, "review-application");
        String copies = String.join(",", Variables.COPIED_ONTO_TASKS.stream().map(name -> "'" + name + "'").toList());
        assertThat(jdbcClient.sql("select count(*) from act_ru_variable where task_id_ = ? and name_ in (" + copies
                + ")").param(review).query(Long.class).single()).as("the copies the task shows").isGreaterThanOrEqualTo(3);

        engine.work(TestUsers.REVIEWER, review, java.util.Map.of("approved", true, "comment", "ok"));
        engine.awaitTask(TestUsers.MANAGER, partnerId, "sign-contract");

        String ofThePartner = " where proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ = ?)";
        assertThat(count("select count(*) from act_hi_varinst" + ofThePartner + " and task_id_ is not null"
                + " and name_ in (" + copies + ")", partnerId)).as("copies kept as history").isZero();
        assertThat(count("select count(*) from act_hi_varinst" + ofThePartner + " and name_ = 'companyName'"
                + " and task_id_ is null", partnerId)).as("the process's own variable").isEqualTo(1);
        assertThat(count("select count(*) from act_hi_varinst" + ofThePartner + " and name_ = 'approved'",
                partnerId)).as("the decision").isEqualTo(1);
        assertThat(jdbcClient.sql("select name_ from act_hi_taskinst where id_ = ?").param(review)
                .query(String.class).single()).as("the task's history names the company").contains("测试");
        assertThat(jdbcClient.sql("select count(*) from act_ru_variable where task_id_ = ?").param(review)
                .query(Long.class).single()).as("the copies went with the task").isZero();
    }

    @Test
    void aDatabaseCreatedWithFullIsTakenOver() {
        jdbcClient.sql("update act_ge_property set value_ = '3' where name_ = 'historyLevel'").update();
        try {
            new HistoryLevelPlugin(dataSource, properties).preInit(
                    new org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration());
        } finally {
            assertThat(jdbcClient.sql("select value_ from act_ge_property where name_ = 'historyLevel'")
                    .query(String.class).single()).isEqualTo(Integer.toString(ProgramHistoryLevel.ID));
            jdbcClient.sql("update act_ge_property set value_ = ? where name_ = 'historyLevel'")
                    .param(Integer.toString(ProgramHistoryLevel.ID)).update();
        }
    }
}
