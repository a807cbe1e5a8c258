package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.courses.PublishedCourses.PublishedCourse;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.time.LocalDate;
import java.util.List;

/**
 * An active partner as anyone may see it; nothing else of a partner leaves through {@code /api/public}.
 *
 * @param level        the enterprise level; null for the other types
 * @param region       the province or city the company gave in its application; null when it gave none
 * @param partnerSince the first day of the current partnership (its activation, program zone Asia/Shanghai);
 *                     renewals continue it, a new application after an ended one starts afresh
 * @param offers       what a partner of this type may do for a customer
 * @param courses      an education partner's approved courses; empty for the other types
 */
record PublicPartner(String partnerId, String companyName, PartnerType type, PartnerLevel level, String region,
                     LocalDate partnerSince, Bilingual offers, List<PublishedCourse> courses) {

    /** One row of the registry's active partners, before its courses are added. */
    record Listing(String partnerId, String companyName, PartnerType type, PartnerLevel level, String region,
                   LocalDate partnerSince) {

        PublicPartner with(List<PublishedCourse> courses) {
            return new PublicPartner(partnerId, companyName, type, level, region, partnerSince,
                    TypeOffers.of(type), type == PartnerType.EDUCATION ? List.copyOf(courses) : List.of());
        }
    }
}
