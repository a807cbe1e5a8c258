package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.registry.PartnerLevel;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an onboarding task is about, read from the program's tables by the company: the level its open application
 * was proposed at and the fee invoiced for that application, if any. Read at a task's creation instead of the
 * process's copies, whose first read loads every variable of the onboarding instance (27 rows by signing).
 */
@Component
class ApplicationAtStake {

    /** The open application's proposed level (null for types without levels) and its newest invoice's amount. */
    record Stake(PartnerLevel proposedLevel, BigDecimal invoicedAmount, String invoicedCurrency) {

        String invoiced() {
            return invoicedAmount == null ? null : invoicedAmount.toPlainString() + " " + invoicedCurrency;
        }
    }

    private final JdbcClient jdbc;

    ApplicationAtStake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stake> of(String partnerId) {
        return jdbc.sql("""
                        select a.proposed_level, i.amount, i.currency
                        from program.application a
                        left join lateral (select amount, currency from program.invoice
                                           where partner_id = a.partner_id
                                             and application_id = a.application_id
                                           order by created_at desc limit 1) i on true
                        where a.partner_id = ? and a.status = 'OPEN'""")
                .param(partnerId)
                .query((rs, row) -> new Stake(rs.getString(1) == null ? null : PartnerLevel.valueOf(rs.getString(1)),
                        rs.getBigDecimal(2), rs.getString(3)))
                .optional();
    }
}
