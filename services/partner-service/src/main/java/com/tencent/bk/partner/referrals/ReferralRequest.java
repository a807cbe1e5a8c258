package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.registry.Regions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/referrals}: a customer lead from BlueKing's CRM. */
record ReferralRequest(
        @NotNull @Valid Customer customer,
        @NotBlank @Pattern(regexp = "ENTERPRISE|COMMUNITY", message = "must be one of ENTERPRISE, COMMUNITY")
        String edition,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> services) {

    record Customer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = Regions.MAX_LENGTH) @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
            String region,
            @NotBlank @Size(max = 200) String contact) {
    }
}
