package com.tencent.bk.partner.renewal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** The basic qualifications 1 and 2, confirmed again for the new term, as at application: both must be true. */
record RenewalAttestationRequest(
        @NotNull @AssertTrue(message = "must be true: the program rules must be accepted")
        Boolean acceptsProgramRules,
        @NotNull @AssertTrue(message = "must be true: partners may not sell competing products")
        Boolean noCompetingProducts) {
}
