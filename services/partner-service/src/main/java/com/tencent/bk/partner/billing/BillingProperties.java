package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.registry.PartnerType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fees              service fee by type, then by enterprise level ({@code ANY} for types without
 *                          levels); a type absent here pays no fee
 * @param dueAfter          time from the invoice to its due date; unpaid by then the application is cancelled
 * @param reminderBeforeDue when before the due date the partner is reminded
 * @param writeOffLimit     the largest shortfall, as a fraction of the invoice, that finance may accept as
 *                          settling it (5 % when not configured); a payment further short is returned
 */
@ConfigurationProperties("partner.billing")
public record BillingProperties(Map<PartnerType, Map<String, Fee>> fees, Duration dueAfter,
                                Duration reminderBeforeDue, BigDecimal writeOffLimit) {

    public BillingProperties {
        fees = fees == null ? Map.of() : Map.copyOf(fees);
        writeOffLimit = writeOffLimit == null ? new BigDecimal("0.05") : writeOffLimit;
    }
}
