package com.tencent.bk.partner.registry;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Filters and page of the partner directory; every filter is optional. */
public record DirectoryQuery(PartnerType type, PartnerLevel level, PartnerStatus status, int page, int size) {

    String where() {
        List<String> conditions = new ArrayList<>();
        if (type != null) {
            conditions.add("type = :type");
        }
        if (level != null) {
            conditions.add("level = :level");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("type", type == null ? null : type.name())
                .addValue("level", level == null ? null : level.name())
                .addValue("status", status == null ? null : status.name())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
    }
}
