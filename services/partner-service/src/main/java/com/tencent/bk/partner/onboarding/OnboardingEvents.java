package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.events.OutboundEvent;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The outbound events of onboarding, as published on {@code bk.partner.events}. */
final class OnboardingEvents {

    private OnboardingEvents() {
    }

    record ApplicationReceived(String partnerId, UUID applicationId, PartnerType type) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.application-received";
        }
    }

    record PartnerApproved(String partnerId, UUID applicationId, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.approved";
        }
    }

    record PartnerRejected(String partnerId, UUID applicationId, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.rejected";
        }
    }

    record PartnerActivated(String partnerId, PartnerType type, PartnerLevel level, String contractId,
                            LocalDate startsOn, LocalDate endsOn, List<String> benefits) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.activated";
        }
    }
}
