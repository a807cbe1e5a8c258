package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.finder.PublicPartner.Listing;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The finder's read of the registry: ACTIVE partners only, and only their public columns, in a stable order
 * (name, then credit code). Read-only, like the other read models over {@code program.partner}; indexes in
 * V18__public_finder.sql.
 */
@Repository
class ActivePartners {

    /** Regions listed for the filter: a bound, not an expectation (a region is a province or city). */
    static final int MAX_REGIONS = 500;

    private static final String SELECT = """
            select p.partner_id, p.company_name, p.type, p.level, p.region,
                   (select c.starts_on from program.contract c
                    where c.partner_id = p.partner_id and c.application_id is not null
                    order by c.starts_on desc, c.created_at desc limit 1) as partner_since
            from program.partner p
            where p.status = 'ACTIVE'
            """;

    private final JdbcClient jdbc;

    ActivePartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Listing> page(FinderQuery query) {
        return jdbc.sql(SELECT + query.conditions() + " order by p.company_name, p.partner_id limit :limit offset :offset")
                .paramSource(query.parameters()).query(ActivePartners::listing).list();
    }

    long count(FinderQuery query) {
        return jdbc.sql("select count(*) from program.partner p where p.status = 'ACTIVE'" + query.conditions())
                .paramSource(query.parameters()).query(Long.class).single();
    }

    Optional<Listing> find(String partnerId) {
        return jdbc.sql(SELECT + " and p.partner_id = :id").param("id", partnerId)
                .query(ActivePartners::listing).optional();
    }

    /** The regions of active partners, each once whatever its case, in alphabetical order. */
    List<String> regions() {
        return jdbc.sql("""
                        select min(region) from program.partner
                        where status = 'ACTIVE' and region is not null
                        group by lower(region) order by 1 limit ?
                        """)
                .param(MAX_REGIONS).query(String.class).list();
    }

    private static Listing listing(ResultSet rs, int row) throws SQLException {
        String level = rs.getString("level");
        return new Listing(rs.getString("partner_id"), rs.getString("company_name"),
                PartnerType.valueOf(rs.getString("type")), level == null ? null : PartnerLevel.valueOf(level),
                rs.getString("region"), rs.getObject("partner_since", LocalDate.class));
    }
}
