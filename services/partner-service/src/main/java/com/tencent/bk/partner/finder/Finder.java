package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.courses.PublishedCourses;
import com.tencent.bk.partner.courses.PublishedCourses.PublishedCourse;
import com.tencent.bk.partner.finder.PublicPartner.Listing;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Pages and single partners of the finder, each with its courses (one query per page, not per partner). */
@Component
class Finder {

    /** A page of the finder; {@code totalElements} counts every match. */
    record Page(List<PublicPartner> content, int page, int size, long totalElements, long totalPages) {
    }

    private final ActivePartners partners;
    private final PublishedCourses courses;

    Finder(ActivePartners partners, PublishedCourses courses) {
        this.partners = partners;
        this.courses = courses;
    }

    /** Page, count and courses read in one snapshot, so the count matches the page. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Page search(FinderQuery query) {
        List<Listing> listings = partners.page(query);
        long total = partners.count(query);
        return new Page(withCourses(listings), query.page(), query.size(), total,
                (total + query.size() - 1) / query.size());
    }

    @Transactional(readOnly = true)
    Optional<PublicPartner> find(String partnerId) {
        return partners.find(partnerId).map(listing -> withCourses(List.of(listing)).get(0));
    }

    List<String> regions() {
        return partners.regions();
    }

    private List<PublicPartner> withCourses(List<Listing> listings) {
        Map<String, List<PublishedCourse>> approved = courses.approvedOf(listings.stream()
                .filter(listing -> listing.type() == PartnerType.EDUCATION).map(Listing::partnerId).toList());
        return listings.stream()
                .map(listing -> listing.with(approved.getOrDefault(listing.partnerId(), List.of())))
                .toList();
    }
}
