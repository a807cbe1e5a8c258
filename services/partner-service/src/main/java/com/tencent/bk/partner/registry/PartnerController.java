package com.tencent.bk.partner.registry;

import com.tencent.bk.partner.certification.Headcounts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The partner directory and each partner's state. */
@RestController
@RequestMapping("/api/partners")
@Validated
class PartnerController {

    static final int MAX_PAGE_SIZE = 200;

    private final PartnerRegistry registry;
    private final Headcounts headcounts;

    PartnerController(PartnerRegistry registry, Headcounts headcounts) {
        this.registry = registry;
        this.headcounts = headcounts;
    }

    @GetMapping("/{partnerId}")
    PartnerView partner(@PathVariable String partnerId) {
        Partner partner = registry.find(partnerId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner or applicant " + partnerId));
        return view(partner);
    }

    @GetMapping
    DirectoryPage directory(@RequestParam(required = false) PartnerType type,
                            @RequestParam(required = false) PartnerLevel level,
                            @RequestParam(required = false) PartnerStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        DirectoryQuery query = new DirectoryQuery(type, level, status, page, size);
        List<PartnerView> partners = registry.directory(query).stream().map(this::view).toList();
        return new DirectoryPage(partners, page, size, registry.count(query));
    }

    private PartnerView view(Partner partner) {
        return PartnerView.of(partner, headcounts.of(partner.partnerId()),
                registry.currentContract(partner.partnerId()).orElse(null));
    }

    record DirectoryPage(List<PartnerView> content, int page, int size, long totalElements) {
    }
}
