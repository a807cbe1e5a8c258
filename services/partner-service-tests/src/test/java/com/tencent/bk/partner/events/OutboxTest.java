package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbound event is published if and only if the transaction that wrote it committed, and a partner's events
 * reach the topic in the order their transactions committed.
 */
class OutboxTest extends ServiceIntegrationTest {

    /** The publisher's lock ({@code OutboxPublisher}): held here, the publisher sends nothing meanwhile. */
    private static final long PUBLISHER_LOCK = 0x6f7574626f78L;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    /** Shaped as {@code bk.partner.rejected}: whatever the tests read from the topic keeps the contract. */
    record Probe(String partnerId, UUID applicationId, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.rejected";
        }
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublishedAndOneOfACommittedTransactionIs() {
        String rolledBack = Companies.newPartnerId();
        String committed = Companies.newPartnerId();

        transaction.executeWithoutResult(status -> {
            outbox.publish(new Probe(rolledBack, UUID.randomUUID(), "rolled back"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.publish(new Probe(committed, UUID.randomUUID(), "committed")));

        JsonNode published = kafka.awaitPartnerEvent(committed, "bk.partner.rejected");
        assertThat(published.path("specversion").asText()).isEqualTo("1.0");
        assertThat(published.path("source").asText()).isEqualTo("/bk/partner-workflow");
        assertThat(published.path("subject").asText()).isEqualTo(committed);
        assertThat(published.path("data").path("partnerId").asText()).isEqualTo(committed);
        assertThat(published.path("data").path("reason").asText()).isEqualTo("committed");
        assertThat(kafka.partnerEvents(rolledBack)).isEmpty();
    }

    @Test
    void outboxRefusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.publish(new Probe(Companies.newPartnerId(), UUID.randomUUID(),
                "no transaction")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void aPartnersEventsLeaveInTheOrderTheirTransactionsCommittedNotTheOrderTheyWereWritten() throws Exception {
        String partnerId = Companies.newPartnerId();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        try (Connection publisherPaused = sessionHolding("select pg_advisory_lock(?)", PUBLISHER_LOCK)) {
            CompletableFuture<Void> writtenFirst = CompletableFuture.runAsync(() ->
                    transaction.executeWithoutResult(status -> {
                        outbox.publish(new Probe(partnerId, UUID.randomUUID(), "written first, committed last"));
                        written.countDown();
                        await(mayCommit);
                    }));
            await(written);
            transaction.executeWithoutResult(status ->
                    outbox.publish(new Probe(partnerId, UUID.randomUUID(), "written last, committed first")));
            mayCommit.countDown();
            writtenFirst.get(30, TimeUnit.SECONDS);
        } // both committed before the publisher may look: it must not fall back on the order of writing

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.partnerEvents(partnerId).size() == 2);
        assertThat(kafka.partnerEvents(partnerId)).map(event -> event.path("data").path("reason").asText())
                .containsExactly("written last, committed first", "written first, committed last");
    }

    @Test
    void aTransactionTakesItsPlaceInAPartnersOrderOnlyOnceTheOneBeforeItIsVisible() throws Exception {
        String partnerId = Companies.newPartnerId();
        CompletableFuture<Void> commit;
        // the lock a commit of this partner's events holds while it takes its number (V19)
        try (Connection committing = sessionHolding("select pg_advisory_lock(28514, hashtext(?))", partnerId)) {
            commit = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
                    outbox.publish(new Probe(partnerId, UUID.randomUUID(), "waits for the commit before it"))));
            Thread.sleep(500);
            assertThat(commit).as("a commit of the same partner's event still in progress is waited for")
                    .isNotDone();
        }
        commit.get(30, TimeUnit.SECONDS);
        assertThat(kafka.awaitPartnerEvent(partnerId, "bk.partner.rejected").path("data").path("reason").asText())
                .isEqualTo("waits for the commit before it");
    }

    /**
     * A round sent two events and the service was killed before it marked them published; only the first had
     * reached the broker. The next round sends the second and not the first again.
     */
    @Test
    void eventsSentBeforeACrashButNotMarkedAreNotPublishedAgain() throws Exception {
        String arrived = Companies.newPartnerId();
        String lost = Companies.newPartnerId();
        try (Connection publisherPaused = sessionHolding("select pg_advisory_lock(?)", PUBLISHER_LOCK)) {
            transaction.executeWithoutResult(status -> {
                outbox.publish(new Probe(arrived, UUID.randomUUID(), "reached the broker before the crash"));
                outbox.publish(new Probe(lost, UUID.randomUUID(), "lost in the crash"));
            });
            jdbcClient.sql("update program.outbox_event set send_attempted_at = now() where message_key in (?, ?)")
                    .params(arrived, lost).update();
            String payload = jdbcClient.sql("select payload from program.outbox_event where message_key = ?")
                    .param(arrived).query(String.class).single();
            kafka.publishRaw("bk.partner.events", arrived.getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/cloudevents+json"));
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbcClient.sql(
                        "select count(*) from program.outbox_event where message_key in (?, ?) and published_at is null")
                .params(arrived, lost).query(Long.class).single() == 0);
        kafka.awaitPartnerEvent(lost, "bk.partner.rejected");
        assertThat(kafka.partnerEvents(arrived)).as("published once, by the round before the crash").hasSize(1);
        assertThat(kafka.partnerEvents(lost)).hasSize(1);
    }

    /** A session of its own (not from the pool) holding an advisory lock; closing it releases the lock. */
    private Connection sessionHolding(String sql, Object key) throws SQLException {
        Connection connection = sessionOfItsOwn();
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setObject(1, key);
            lock.execute();
        }
        return connection;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
