package com.tencent.bk.partner.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.DueTimers;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fee's reminder and deadline, driven by moving the engine's clock (which is also the application's) and
 * executing the due timer jobs, never by waiting.
 */
class FeeDeadlineTest extends ServiceIntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void unpaidFeeIsRemindedOnceThenTheApplicationIsCancelledAtTheDeadline() {
        String partnerId = Companies.newPartnerId();
        certifyEngineers(partnerId, 3);
        org.awaitility.Awaitility.await().until(() -> jdbc.sql(
                "select count(*) from program.certificate where partner_id = ?").param(partnerId)
                .query(Long.class).single() == 6);
        JsonNode invoice = enterpriseApplicantAwaitingFee(partnerId);
        org.awaitility.Awaitility.await().until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(partnerId).activityId("await-fee").count() == 1);

        moveClockTo(Instant.now().plus(24, ChronoUnit.DAYS));
        executeDueTimers(partnerId);
        JsonNode reminder = kafka.awaitPartnerEvent(partnerId, "bk.partner.invoice-reminder").path("data");
        assertThat(reminder.path("invoiceId").asText()).isEqualTo(invoice.path("invoiceId").asText());
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(partnerId).activityId("await-fee")
                .count()).as("still waiting for the fee after the reminder").isEqualTo(1);

        moveClockTo(Instant.now().plus(32, ChronoUnit.DAYS));
        executeDueTimers(partnerId);
        JsonNode rejected = kafka.awaitPartnerEvent(partnerId, "bk.partner.rejected").path("data");
        assertThat(rejected.path("reason").asText()).contains("not paid");
        assertThat(partner(partnerId).path("status").asText()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select status from program.invoice where invoice_id = ?")
                .param(invoice.path("invoiceId").asText()).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).count()).isZero();
        assertThat(publishedEvents(partnerId).stream().filter(event -> event.path("type").asText()
                .equals("bk.partner.invoice-reminder")).count()).isEqualTo(1);
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private void executeDueTimers(String partnerId) {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId)
                .singleResult().getId();
        DueTimers.fire(management, instanceId);
    }
}
