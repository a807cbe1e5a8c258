package com.tencent.bk.partner.certification;

import java.time.LocalDate;

/** A granted, unrevoked certificate as counting sees it; {@code expiresOn} null means it never expires. */
public record CountedCertificate(String certificateId, String partnerId, String engineerId, Track track,
                                 CertificationLevel level, LocalDate expiresOn) {

    /**
     * Reads the columns {@code certificate_id, partner_id, engineer_id, track, level, expires_on}, in this
     * order, of a query over certificates or an audit's evidence.
     */
    public static CountedCertificate read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String level = rs.getString(5);
        return new CountedCertificate(rs.getString(1), rs.getString(2), rs.getString(3),
                Track.valueOf(rs.getString(4)), level == null ? null : CertificationLevel.valueOf(level),
                rs.getObject(6, LocalDate.class));
    }

    /** Counts on {@code day} when it has not expired: the expiry date is its last valid day. */
    public boolean countsOn(LocalDate day) {
        return expiresOn == null || !expiresOn.isBefore(day);
    }
}
