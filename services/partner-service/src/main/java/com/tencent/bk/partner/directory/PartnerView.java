package com.tencent.bk.partner.directory;

import com.tencent.bk.partner.certification.Headcount;
import com.tencent.bk.partner.registry.Contract;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.tiering.Evaluation;
import java.time.LocalDate;

/** A partner as {@code GET /api/partners/{partnerId}} shows it (docs/contracts.md). */
record PartnerView(String partnerId, String companyName, PartnerType type, PartnerLevel level, PartnerStatus status,
                   Headcount headcount, ContractView contract, EvaluationView evaluation) {

    record ContractView(String contractId, LocalDate startsOn, LocalDate endsOn) {
    }

    static PartnerView of(Partner partner, Headcount headcount, Contract contract, Evaluation evaluation) {
        return new PartnerView(partner.partnerId(), partner.companyName(), partner.type(), partner.level(),
                partner.status(), headcount,
                contract == null ? null : new ContractView(contract.contractId(), contract.startsOn(), contract.endsOn()),
                evaluation == null ? null : EvaluationView.of(evaluation));
    }
}
