package com.tencent.bk.partner.registry;

import java.time.Instant;

/** A company's partnership as the registry holds it. {@code level} is null except for ENTERPRISE. */
public record Partner(String partnerId, String companyName, PartnerType type, PartnerLevel level,
                      PartnerStatus status, Contact contact, Instant updatedAt) {

    public record Contact(String name, String email, String phone) {
    }
}
