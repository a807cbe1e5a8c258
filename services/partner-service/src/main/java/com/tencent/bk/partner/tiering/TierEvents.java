package com.tencent.bk.partner.tiering;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.events.OutboundEvent;
import com.tencent.bk.partner.registry.PartnerLevel;
import java.time.LocalDate;
import java.util.List;

/** The outbound events of tiering, as published on {@code bk.partner.events}. */
final class TierEvents {

    private TierEvents() {
    }

    record LevelChanged(String partnerId, PartnerLevel from, PartnerLevel to, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.level-changed";
        }
    }

    record ShortfallOpened(String partnerId, Minimums required, Headcount actual, LocalDate graceEndsOn)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.shortfall-opened";
        }
    }

    record ShortfallClosed(String partnerId, Minimums required, Headcount actual, LocalDate graceEndsOn)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.shortfall-closed";
        }
    }

    record HeadcountAtRisk(String partnerId, LocalDate fallsBelowOn, List<String> certificateIds)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.headcount-at-risk";
        }
    }
}
