package com.tencent.bk.partner.directory;

import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.registry.DirectoryQuery;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.tiering.EvaluationLog;
import com.tencent.bk.partner.tiering.HeadcountForecast;
import com.tencent.bk.partner.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The partner directory, each partner's state, its tier decisions, and the headcount forecast. */
@RestController
@RequestMapping("/api/partners")
@Validated
class PartnerController {

    static final int MAX_PAGE_SIZE = 200;

    private final PartnerRegistry registry;
    private final Headcounts headcounts;
    private final EvaluationLog evaluations;
    private final HeadcountForecast forecast;
    private final ProgramClock clock;

    PartnerController(PartnerRegistry registry, Headcounts headcounts, EvaluationLog evaluations,
                      HeadcountForecast forecast, ProgramClock clock) {
        this.registry = registry;
        this.headcounts = headcounts;
        this.evaluations = evaluations;
        this.forecast = forecast;
        this.clock = clock;
    }

    /** Partners whose headcount falls below their minimum within the window as certificates expire. */
    @GetMapping("/at-risk")
    List<HeadcountForecast.AtRisk> atRisk(@RequestParam(defaultValue = "P60D") Period within) {
        // "up to a year" judged on the calendar from today: P1Y, P12M and P365D pass, P1Y1D does not
        LocalDate today = clock.today();
        if (within.isNegative() || today.plus(within).isAfter(today.plusYears(1))) {
            throw new InvalidParameterException("within", "must be a period between P0D and P1Y, e.g. P60D");
        }
        return forecast.atRisk(within);
    }

    /** Tier decisions, newest first, each with its inputs and rule version. */
    @GetMapping("/{partnerId}/evaluations")
    @ApiResponse(responseCode = "200", description = "Tier decisions, newest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No partner or applicant with this id")
    List<EvaluationView> evaluations(@PathVariable String partnerId,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        requirePartner(partnerId);
        return evaluations.history(partnerId, limit).stream().map(EvaluationView::of).toList();
    }

    @GetMapping("/{partnerId}")
    @ApiResponse(responseCode = "200", description = "The partner or applicant", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No partner or applicant with this id")
    PartnerView partner(@PathVariable String partnerId) {
        return view(requirePartner(partnerId));
    }

    private Partner requirePartner(String partnerId) {
        return registry.find(partnerId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner or applicant " + partnerId));
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
                PartnerStatus.HAS_CURRENT_CONTRACT.contains(partner.status())
                        ? registry.currentContract(partner.partnerId()).orElse(null) : null,
                evaluations.last(partner.partnerId()).orElse(null));
    }

    record DirectoryPage(List<PartnerView> content, int page, int size, long totalElements) {
    }
}
