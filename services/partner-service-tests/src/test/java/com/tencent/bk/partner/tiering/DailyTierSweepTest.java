package com.tencent.bk.partner.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daily sweep as the application runs it: from the startup listener (an {@link ApplicationReadyEvent}) and
 * from the scheduler ({@code daily()}), never through a transactional proxy. A partner in the at-risk window is
 * warned once, its notice row committed with the warning; a sweep that fails never stops the start.
 */
class DailyTierSweepTest extends ServiceIntegrationTest {

    private static final String AT_RISK = "bk.partner.headcount-at-risk";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    DailyTierSweep sweep;

    @Test
    void startupAndDailySweepsWarnAPartnerInTheAtRiskWindowOnceWithItsNoticeCommitted() {
        String partnerId = communityPartnerWhoseOnlyDeveloperExpiresInTwentyDays();

        assertThatCode(this::applicationReady).doesNotThrowAnyException();
        sweep.daily();

        JsonNode warning = kafka.awaitPartnerEvent(partnerId, AT_RISK).path("data");
        assertThat(warning.path("fallsBelowOn").asText()).isEqualTo(inDays(21).toString());
        assertThat(notices(partnerId)).isEqualTo(1);
        assertThat(outboxRows(partnerId)).isEqualTo(1);
        assertThat(publishedEvents(partnerId).stream()
                .filter(event -> event.path("type").asText().equals(AT_RISK)).count()).isEqualTo(1);
    }

    @Test
    void aWarningThatFailsRollsBackItsNoticeAndTheApplicationStillStarts() {
        String partnerId = communityPartnerWhoseOnlyDeveloperExpiresInTwentyDays();
        String trigger = "test_refuse_" + partnerId.toLowerCase(java.util.Locale.ROOT);
        jdbcClient.sql("""
                create function program.%s() returns trigger language plpgsql as $$
                begin
                    if new.message_key = '%s' then raise exception 'outbox refuses (test)'; end if;
                    return new;
                end $$""".formatted(trigger, partnerId)).update();
        jdbcClient.sql("create trigger %s before insert on program.outbox_event for each row execute function program.%s()"
                .formatted(trigger, trigger)).update();
        try {
            assertThatCode(this::applicationReady).as("a failing sweep is logged, the start goes on")
                    .doesNotThrowAnyException();
            assertThat(notices(partnerId)).as("the notice rolled back with its event").isZero();
        } finally {
            jdbcClient.sql("drop trigger %s on program.outbox_event".formatted(trigger)).update();
            jdbcClient.sql("drop function program.%s()".formatted(trigger)).update();
        }

        sweep.daily();

        kafka.awaitPartnerEvent(partnerId, AT_RISK);
        assertThat(notices(partnerId)).isEqualTo(1);
        assertThat(outboxRows(partnerId)).isEqualTo(1);
    }

    @Test
    void aPartnershipEndingWhileTheSweepWarnsIsNotWarned() throws Exception {
        String partnerId = communityPartnerWhoseOnlyDeveloperExpiresInTwentyDays();
        try (Connection expiry = sessionOfItsOwn()) {
            // the partnership ends in a transaction not committed yet: the forecast still reads it ACTIVE, at risk
            expiry.setAutoCommit(false);
            try (PreparedStatement expire = expiry.prepareStatement(
                    "update program.partner set status = 'EXPIRED' where partner_id = ?")) {
                expire.setString(1, partnerId);
                assertThat(expire.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Void> sweeping = CompletableFuture.runAsync(sweep::daily);
            await("the warning waits for the partner's change in flight").atMost(Duration.ofSeconds(20))
                    .until(() -> sweeping.isDone() || waitingOnLocks("%program.partner%for share%") > 0);
            expiry.commit();
            sweeping.get(30, TimeUnit.SECONDS);
            assertThat(notices(partnerId)).as("no notice to a partnership that ended").isZero();
            assertThat(outboxRows(partnerId)).isZero();
        } finally {
            jdbcClient.sql("update program.partner set status = 'ACTIVE' where partner_id = ?").param(partnerId).update();
        }
    }

    /** A community partner (2 automation, 1 development) whose only development certificate expires in 20 days. */
    private String communityPartnerWhoseOnlyDeveloperExpiresInTwentyDays() {
        String partnerId = Companies.newPartnerId();
        certify(partnerId, "only-dev", "DEVELOPMENT", null, inDays(20).toString());
        activePartner(partnerId, "COMMUNITY", 2, 0);
        JsonNode atRisk = EngineRestClient.read(engine.get(TestUsers.WEBSITE,
                "/api/partners/at-risk?within=P60D").getBody());
        assertThat(atRisk.findValuesAsText("partnerId")).contains(partnerId);
        return partnerId;
    }

    /** What Spring Boot publishes once the application has started. */
    private void applicationReady() {
        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
    }

    private static LocalDate inDays(int days) {
        return LocalDate.now(ProgramClock.PROGRAM_ZONE).plusDays(days);
    }

    private long notices(String partnerId) {
        return jdbcClient.sql("select count(*) from program.at_risk_notice where partner_id = ?").param(partnerId)
                .query(Long.class).single();
    }

    private long outboxRows(String partnerId) {
        return jdbcClient.sql("select count(*) from program.outbox_event where message_key = ? and type = ?")
                .params(partnerId, AT_RISK).query(Long.class).single();
    }
}
