package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A search of the finder; every filter is optional and already checked and normalized by the controller.
 *
 * @param name   part of the company name, compared case-insensitively (PostgreSQL's {@code lower} on both sides)
 * @param region a region, compared like {@link com.tencent.bk.partner.registry.Regions#match}
 */
record FinderQuery(String name, PartnerType type, PartnerLevel level, String region, int page, int size) {

    /** The conditions after {@code status = 'ACTIVE'}, on the partner table aliased {@code p}. */
    String conditions() {
        List<String> conditions = new ArrayList<>();
        if (name != null) {
            // position() rather than (i)like: no wildcard in the user's text to escape
            conditions.add("position(lower(:name) in lower(p.company_name)) > 0");
        }
        if (type != null) {
            conditions.add("p.type = :type");
        }
        if (level != null) {
            conditions.add("p.level = :level");
        }
        if (region != null) {
            conditions.add("lower(p.region) = lower(:region)");
        }
        return conditions.stream().map(condition -> " and " + condition).reduce("", String::concat);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("type", type == null ? null : type.name())
                .addValue("level", level == null ? null : level.name())
                .addValue("region", region)
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
    }
}
