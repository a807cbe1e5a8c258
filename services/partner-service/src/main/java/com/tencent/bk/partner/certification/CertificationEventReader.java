package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.certification.CertificationEvent.CertificationExpired;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationGranted;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationRevoked;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationTransferred;
import com.tencent.bk.partner.events.CloudEvent;
import com.tencent.bk.partner.events.EventFields;
import com.tencent.bk.partner.events.EventReader;
import java.time.LocalDate;
import java.util.Set;

/** Reads the typed event of a {@code bk.certification.events} record, naming every bad field. */
class CertificationEventReader implements EventReader<CertificationEvent> {

    static final String GRANTED = "bk.certification.granted";
    static final String REVOKED = "bk.certification.revoked";
    static final String EXPIRED = "bk.certification.expired";
    static final String TRANSFERRED = "bk.certification.transferred";
    /** certificate_id and engineer_id columns */
    private static final int ID_LENGTH = 100;
    private static final Set<String> TYPES = Set.of(GRANTED, REVOKED, EXPIRED, TRANSFERRED);

    @Override
    public CertificationEvent read(CloudEvent event) {
        EventFields fields = new EventFields(event);
        CertificationEvent typed = switch (event.type()) {
            case GRANTED -> granted(fields);
            case REVOKED -> new CertificationRevoked(fields.identifier("certificateId", ID_LENGTH), fields.partnerId("partnerId"),
                    fields.text("reason"));
            case EXPIRED -> new CertificationExpired(fields.identifier("certificateId", ID_LENGTH), fields.partnerId("partnerId"));
            case TRANSFERRED -> transferred(fields);
            default -> throw EventFields.unknownType(event, TYPES);
        };
        fields.validate();
        return typed;
    }

    private static CertificationGranted granted(EventFields fields) {
        String certificateId = fields.identifier("certificateId", ID_LENGTH);
        String engineerId = fields.identifier("engineerId", ID_LENGTH);
        String partnerId = fields.partnerId("partnerId");
        Track track = fields.oneOf("track", Track.class);
        CertificationLevel level = fields.optionalOneOf("level", CertificationLevel.class);
        LocalDate issuedOn = fields.date("issuedOn");
        LocalDate expiresOn = fields.optionalDate("expiresOn");
        if (track == Track.AUTOMATION && level == null) {
            fields.require(fields.event().data().hasNonNull("level"), "data.level is required for AUTOMATION certificates");
        }
        if (track == Track.DEVELOPMENT && level != null) {
            fields.problem("data.level applies to AUTOMATION certificates only");
        }
        if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) {
            fields.problem("data.expiresOn " + expiresOn + " is before data.issuedOn " + issuedOn);
        }
        return new CertificationGranted(certificateId, engineerId, partnerId, track, level, issuedOn, expiresOn,
                fields.event().time());
    }

    private static CertificationTransferred transferred(EventFields fields) {
        String certificateId = fields.identifier("certificateId", ID_LENGTH);
        String from = fields.partnerId("fromPartnerId");
        String to = fields.partnerId("toPartnerId");
        if (from != null && from.equals(to)) {
            fields.problem("data.toPartnerId must differ from data.fromPartnerId");
        }
        return new CertificationTransferred(certificateId, from, to, fields.event().time());
    }
}
