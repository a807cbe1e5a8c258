package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.events.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** The sharing plan's events on {@code bk.partner.events} (docs/contracts.md), keyed by the partner they concern. */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** A lead is offered to the partner, who answers through the website by {@code respondBy}. */
    record ReferralOffered(UUID referralId, String partnerId, Instant respondBy) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.referral-offered";
        }
    }

    record ReferralAccepted(UUID referralId, String partnerId, Instant respondBy) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.referral-accepted";
        }
    }

    /** The partner did not answer by {@code respondBy}; the lead goes on to the next partner. */
    record ReferralExpired(UUID referralId, String partnerId, Instant respondBy) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.referral-expired";
        }
    }
}
