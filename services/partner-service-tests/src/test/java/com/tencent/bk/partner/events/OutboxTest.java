package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An outbound event is published if and only if the transaction that wrote it committed. */
class OutboxTest extends ServiceIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    record Probe(String partnerId, String note) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.test-probe";
        }
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublishedAndOneOfACommittedTransactionIs() {
        String rolledBack = Companies.newPartnerId();
        String committed = Companies.newPartnerId();

        transaction.executeWithoutResult(status -> {
            outbox.publish(new Probe(rolledBack, "rolled back"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.publish(new Probe(committed, "committed")));

        JsonNode published = kafka.awaitPartnerEvent(committed, "bk.partner.test-probe");
        assertThat(published.path("specversion").asText()).isEqualTo("1.0");
        assertThat(published.path("source").asText()).isEqualTo("/bk/partner-workflow");
        assertThat(published.path("subject").asText()).isEqualTo(committed);
        assertThat(published.path("data").path("partnerId").asText()).isEqualTo(committed);
        assertThat(published.path("data").path("note").asText()).isEqualTo("committed");
        assertThat(kafka.partnerEvents(rolledBack)).isEmpty();
    }

    @Test
    void outboxRefusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.publish(new Probe(Companies.newPartnerId(), "no transaction")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
