package com.tencent.bk.partner.certification;

import java.time.LocalDate;

/** A granted, unrevoked certificate as counting sees it; {@code expiresOn} null means it never expires. */
public record CountedCertificate(String certificateId, String partnerId, String engineerId, Track track,
                                 CertificationLevel level, LocalDate expiresOn) {

    /** Counts on {@code day} when it has not expired: the expiry date is its last valid day. */
    public boolean countsOn(LocalDate day) {
        return expiresOn == null || !expiresOn.isBefore(day);
    }
}
