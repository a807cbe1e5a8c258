package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An outbound event is published if and only if the transaction that wrote it committed. */
class OutboxTest extends ServiceIntegrationTest {

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
}
