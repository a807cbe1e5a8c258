package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.registry.PartnerType;
import java.util.Set;

/**
 * The BlueKing edition a customer wants. Only technical partners receive referrals (the program rules give the
 * sharing plan to enterprise and community partners; education and brand partners neither sell nor deliver), and
 * only enterprise partners may sell the enterprise edition.
 */
enum Edition {
    ENTERPRISE(Set.of(PartnerType.ENTERPRISE)),
    COMMUNITY(Set.of(PartnerType.ENTERPRISE, PartnerType.COMMUNITY));

    private final Set<PartnerType> soldBy;

    Edition(Set<PartnerType> soldBy) {
        this.soldBy = soldBy;
    }

    boolean mayBeReferredTo(PartnerType type) {
        return soldBy.contains(type);
    }

    static Set<PartnerType> technicalTypes() {
        return COMMUNITY.soldBy;
    }
}
