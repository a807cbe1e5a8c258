package com.tencent.bk.partner.referrals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.referrals.ReferralRecords.Offer;
import com.tencent.bk.partner.referrals.ReferralRecords.Outcome;
import com.tencent.bk.partner.referrals.ReferralRecords.PartnerOffer;
import com.tencent.bk.partner.referrals.ReferralRecords.Referral;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing plan over HTTP. The CRM refers leads and the partner website answers offers with their own accounts,
 * as the website submits applications (any authenticated caller; docs/contracts.md names no group for them); what the
 * program office sees of the whole plan is for managers.
 */
@RestController
class ReferralController {

    private static final String PARTNER_ID = "[0-9A-Z]{18}";
    private static final String PARTNER_ID_MESSAGE = "must be the partner's unified social credit code (18 characters)";

    record Answer(@NotBlank @Pattern(regexp = PARTNER_ID, message = PARTNER_ID_MESSAGE) String partnerId) {
    }

    record Decline(@NotBlank @Pattern(regexp = PARTNER_ID, message = PARTNER_ID_MESSAGE) String partnerId,
                   @NotBlank @Size(max = 1000) String reason) {
    }

    record Referred(UUID referralId) {
    }

    record Answered(UUID referralId, String partnerId, Outcome outcome) {
    }

    private final Referrals referrals;
    private final ReferralRecords records;
    private final ObjectMapper json;

    ReferralController(Referrals referrals, ReferralRecords records, ObjectMapper json) {
        this.referrals = referrals;
        this.records = records;
        this.json = json;
    }

    @PostMapping("/api/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Referred> refer(@Valid @RequestBody ReferralRequest request, Principal principal) {
        UUID referralId = referrals.receive(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/referrals/" + referralId)).body(new Referred(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/accept")
    @ApiResponse(responseCode = "200", description = "Accepted: the customer's details are shown to the partner",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such referral")
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The referral is not offered to this partner")
    Answered accept(@PathVariable UUID referralId, @Valid @RequestBody Answer answer, Principal principal) {
        referrals.accept(referralId, answer.partnerId(), principal.getName());
        return new Answered(referralId, answer.partnerId(), Outcome.ACCEPTED);
    }

    @PostMapping("/api/referrals/{referralId}/decline")
    @ApiResponse(responseCode = "200", description = "Declined: the lead goes on to the next partner",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such referral")
    @ApiResponse(responseCode = "409", ref = "Conflict", description = "The referral is not offered to this partner")
    Answered decline(@PathVariable UUID referralId, @Valid @RequestBody Decline decline, Principal principal) {
        referrals.decline(referralId, decline.partnerId(), decline.reason(), principal.getName());
        return new Answered(referralId, decline.partnerId(), Outcome.DECLINED);
    }

    /** The whole lead with every offer: customer, state, placement. */
    @GetMapping("/api/referrals/{referralId}")
    @ApiResponse(responseCode = "200", description = "The lead with every offer", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound", description = "No such referral")
    @PreAuthorize("hasAnyAuthority('GROUP_partner-managers', 'GROUP_camunda-admin')")
    Map<String, Object> referral(@PathVariable UUID referralId) {
        Referral referral = referrals.find(referralId)
                .orElseThrow(() -> new Referrals.UnknownReferralException(referralId));
        Map<String, Object> view = new LinkedHashMap<>(lead(referral, true));
        view.put("status", referral.status());
        view.put("placedWith", referral.placedWith());
        view.put("placedBy", referral.placedBy());
        view.put("placementComment", referral.placementComment());
        view.put("processInstanceId", referral.processInstanceId());
        view.put("offers", records.offersOf(referralId).stream().map(ReferralController::offer).toList());
        return view;
    }

    /** Partners that let offers expire, those that never answered any first (managers only). */
    @GetMapping("/api/referrals/unanswered")
    @PreAuthorize("hasAnyAuthority('GROUP_partner-managers', 'GROUP_camunda-admin')")
    Map<String, Object> unanswered() {
        return Map.of("partners", records.partnersWithExpiredOffers());
    }

    /**
     * A partner's referrals and answers, and its acceptance rate: accepted of those it answered or let expire
     * (offers withdrawn when its partnership ended do not count). The customer's name and contact are shown only
     * for a lead the partner accepted.
     */
    @GetMapping("/api/partners/{partnerId}/referrals")
    Map<String, Object> ofPartner(@PathVariable String partnerId) {
        List<PartnerOffer> offers = records.offersTo(partnerId);
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, offers.stream().filter(o -> o.offer().outcome() == outcome).count());
        }
        long decided = counts.get(Outcome.ACCEPTED) + counts.get(Outcome.DECLINED) + counts.get(Outcome.EXPIRED);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partnerId", partnerId);
        view.put("offered", offers.size());
        view.put("open", offers.stream().filter(o -> o.offer().outcome() == null).count());
        counts.forEach((outcome, count) -> view.put(outcome.name().toLowerCase(), count));
        view.put("acceptanceRate", decided == 0 ? null : BigDecimal.valueOf(counts.get(Outcome.ACCEPTED))
                .divide(BigDecimal.valueOf(decided), 2, RoundingMode.HALF_UP));
        view.put("referrals", offers.stream().map(o -> {
            Map<String, Object> entry = new LinkedHashMap<>(lead(o.referral(), o.offer().outcome() == Outcome.ACCEPTED));
            entry.putAll(offer(o.offer()));
            entry.remove("partnerId");
            return entry;
        }).toList());
        return view;
    }

    private Map<String, Object> lead(Referral referral, boolean withCustomer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("referralId", referral.referralId());
        view.put("edition", referral.edition());
        view.put("region", referral.customerRegion());
        view.put("services", services(referral.services()));
        view.put("receivedAt", referral.receivedAt());
        if (withCustomer) {
            view.put("customer", Map.of("name", referral.customerName(), "region", referral.customerRegion(),
                    "contact", referral.customerContact()));
        }
        return view;
    }

    private static Map<String, Object> offer(Offer offer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partnerId", offer.partnerId());
        view.put("offeredAt", offer.offeredAt());
        view.put("respondBy", offer.respondBy());
        view.put("outcome", offer.outcome() == null ? "OPEN" : offer.outcome().name());
        view.put("reason", offer.reason());
        view.put("answeredBy", offer.answeredBy());
        view.put("closedAt", offer.closedAt());
        return view;
    }

    private List<String> services(String servicesJson) {
        try {
            return json.readValue(servicesJson, new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable services " + servicesJson, e);
        }
    }

    @ExceptionHandler(Referrals.NotOfferedException.class)
    ProblemDetail notOffered(Referrals.NotOfferedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Referral not offered to this partner");
        return problem;
    }

    @ExceptionHandler(Referrals.UnknownReferralException.class)
    ProblemDetail unknown(Referrals.UnknownReferralException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such referral");
        return problem;
    }
}
