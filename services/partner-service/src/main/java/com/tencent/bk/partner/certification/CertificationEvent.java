package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.events.InboundEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The events of {@code bk.certification.events}, named in the past tense. */
sealed interface CertificationEvent extends InboundEvent {

    String certificateId();

    record CertificationGranted(String certificateId, String engineerId, String partnerId, Track track,
                                CertificationLevel level, LocalDate issuedOn, LocalDate expiresOn,
                                OffsetDateTime time) implements CertificationEvent {
        @Override
        public String recordKey() {
            return partnerId;
        }
    }

    record CertificationRevoked(String certificateId, String partnerId, String reason) implements CertificationEvent {
        @Override
        public String recordKey() {
            return partnerId;
        }
    }

    record CertificationExpired(String certificateId, String partnerId) implements CertificationEvent {
        @Override
        public String recordKey() {
            return partnerId;
        }
    }

    /** {@code time}: when the engineer changed employer (the event's time), null when the event has none. */
    record CertificationTransferred(String certificateId, String fromPartnerId, String toPartnerId,
                                    OffsetDateTime time) implements CertificationEvent {
        @Override
        public String recordKey() {
            return fromPartnerId;
        }
    }
}
