package com.tencent.bk.partner.registry;

import com.tencent.bk.partner.certification.Headcount;
import java.time.LocalDate;

/** A partner as {@code GET /api/partners/{partnerId}} shows it (CONTRACTS.md). */
record PartnerView(String partnerId, String companyName, PartnerType type, PartnerLevel level, PartnerStatus status,
                   Headcount headcount, ContractView contract) {

    record ContractView(String contractId, LocalDate startsOn, LocalDate endsOn) {
    }

    static PartnerView of(Partner partner, Headcount headcount, Contract contract) {
        return new PartnerView(partner.partnerId(), partner.companyName(), partner.type(), partner.level(),
                partner.status(), headcount,
                contract == null ? null : new ContractView(contract.contractId(), contract.startsOn(), contract.endsOn()));
    }
}
