package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.events.OutboundEvent;
import com.tencent.bk.partner.registry.PartnerLevel;
import java.time.LocalDate;

final class RenewalEvents {

    private RenewalEvents() {
    }

    record PartnerRenewed(String partnerId, String contractId, LocalDate endsOn, String reason)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.renewed";
        }
    }

    record PartnerNotRenewed(String partnerId, String contractId, LocalDate endsOn, String reason)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.not-renewed";
        }
    }

    /** {@code bk.partner.level-changed}: the renewed term starts at another level than the partner held. */
    record LevelChanged(String partnerId, PartnerLevel from, PartnerLevel to, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.level-changed";
        }
    }
}
