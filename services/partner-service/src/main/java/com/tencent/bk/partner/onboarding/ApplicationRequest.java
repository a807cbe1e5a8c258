package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.registry.Regions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/applications}. {@code type} is a string so that a wrong value is reported
 * beside every other bad field instead of failing the whole body.
 */
record ApplicationRequest(
        @NotBlank @UnifiedSocialCreditCodeValue String partnerId,
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Pattern(regexp = "ENTERPRISE|COMMUNITY|EDUCATION|BRAND",
                message = "must be one of ENTERPRISE, COMMUNITY, EDUCATION, BRAND") String type,
        @NotNull @Valid Contact contact,
        @NotNull @Valid Attestations attestations,
        // optional: where the company mainly works; the sharing plan prefers partners of the customer's region
        @Size(max = Regions.MAX_LENGTH) @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE) String region) {

    record Contact(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 \\-]{5,30}", message = "must be a phone number") String phone) {
    }

    record Attestations(
            @NotNull @AssertTrue(message = "must be true: the program rules must be accepted")
            Boolean acceptsProgramRules,
            @NotNull @AssertTrue(message = "must be true: partners may not sell competing products")
            Boolean noCompetingProducts) {
    }
}
