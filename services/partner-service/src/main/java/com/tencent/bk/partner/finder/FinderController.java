package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.registry.Regions;
import com.tencent.bk.partner.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The finder's public JSON: no login, GET only (SecurityConfiguration), limited per client (ClientRateLimit). */
@RestController
@RequestMapping("/api/public/partners")
@Validated
class FinderController {

    static final int MAX_PAGE_SIZE = 50;
    static final int MAX_PAGE = 1_000;
    static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> PARAMETERS = Set.of("q", "type", "level", "region", "page", "size");

    private final Finder finder;

    FinderController(Finder finder) {
        this.finder = finder;
    }

    /**
     * Active partners whose name contains {@code q} (any case), of this type, level and region, by name. An
     * unknown or repeated parameter is refused rather than ignored: a caller filtering by {@code status} learns
     * that there is no such filter.
     */
    @GetMapping
    Finder.Page search(@RequestParam(required = false) String q,
                       @RequestParam(required = false) PartnerType type,
                       @RequestParam(required = false) PartnerLevel level,
                       @RequestParam(required = false) String region,
                       @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                       HttpServletRequest request) {
        request.getParameterMap().forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of the finder; use " + PARAMETERS);
            }
            if (values.length > 1) {
                throw new InvalidParameterException(name, "is given more than once");
            }
        });
        return finder.search(new FinderQuery(name(q), type, level, region(region), page, size));
    }

    @GetMapping("/regions")
    List<String> regions() {
        return finder.regions();
    }

    @GetMapping("/{partnerId}")
    PublicPartner partner(@PathVariable String partnerId) {
        // the same answer for an unknown company and for an applicant, a rejected or an ended partner
        return finder.find(partnerId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No active partner has this credit code"));
    }

    private static String name(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String name = q.strip();
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException("q", "must be part of a company name: up to " + MAX_NAME_LENGTH
                    + " characters, no control characters");
        }
        return name;
    }

    private static String region(String region) {
        String normalized = Regions.normalize(region);
        if (normalized != null && !normalized.matches(Regions.PATTERN)) {
            throw new InvalidParameterException("region", Regions.MESSAGE);
        }
        return normalized;
    }
}
