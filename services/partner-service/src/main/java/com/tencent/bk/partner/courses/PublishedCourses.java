package com.tencent.bk.partner.courses;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a customer may see of an education partner's courses: the APPROVED ones, by title, kind and the
 * certificate a certification course prepares for. Never the instructors, the reviews or the reasons.
 */
@Component
public class PublishedCourses {

    /** {@code track} and {@code level} only for CERTIFICATION courses (level only on the AUTOMATION track). */
    public record PublishedCourse(String title, String kind, String track, String level) {
    }

    private record Row(String partnerId, PublishedCourse course) {
    }

    private final JdbcClient jdbc;

    PublishedCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The approved courses of each of these partners, by title; partners without any are left out. */
    public Map<String, List<PublishedCourse>> approvedOf(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select partner_id, title, kind, track, level from program.course
                        where partner_id = any(?) and state = ?
                        order by partner_id, title, course_id
                        """)
                .params(partnerIds.toArray(String[]::new), CourseState.APPROVED.name())
                .query((rs, i) -> new Row(rs.getString("partner_id"), new PublishedCourse(rs.getString("title"),
                        rs.getString("kind"), rs.getString("track"), rs.getString("level"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::partnerId, LinkedHashMap::new,
                        Collectors.mapping(Row::course, Collectors.toList())));
    }
}
