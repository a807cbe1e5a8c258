package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.events.OutboundEvent;
import java.time.LocalDate;

final class TerminationEvents {

    private TerminationEvents() {
    }

    /** {@code bk.partner.terminated}; training fees already paid are never refunded (program rules). */
    record PartnerTerminated(String partnerId, String reason, LocalDate effectiveOn, boolean trainingFeesRefundable)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.terminated";
        }
    }
}
