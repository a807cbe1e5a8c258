package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which service fee a type and level pays, from configuration. */
@Component
public class FeeSchedule {

    static final String ANY_LEVEL = "ANY";

    private final BillingProperties properties;

    FeeSchedule(BillingProperties properties) {
        this.properties = properties;
    }

    public Optional<Fee> feeFor(PartnerType type, PartnerLevel level) {
        Map<String, Fee> byLevel = properties.fees().getOrDefault(type, Map.of());
        Fee fee = level == null ? null : byLevel.get(level.name());
        return Optional.ofNullable(fee != null ? fee : byLevel.get(ANY_LEVEL));
    }
}
