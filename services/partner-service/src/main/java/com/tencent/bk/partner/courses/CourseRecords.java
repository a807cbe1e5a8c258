package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.certification.CertificationLevel;
import com.tencent.bk.partner.certification.Track;
import com.tencent.bk.partner.common.ProgramClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses, their instructors and every change of their state. Callers provide the transaction. */
@Repository
class CourseRecords {

    private static final String COLUMNS = """
            course_id, partner_id, title, kind, track, level, state, state_reason, replace_by, registered_at
            """;

    private final JdbcClient jdbc;
    private final ProgramClock clock;

    CourseRecords(JdbcClient jdbc, ProgramClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Course course, String registeredBy) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                        insert into program.course (course_id, partner_id, title, kind, track, level, state,
                            registered_by, registered_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(course.courseId(), course.partnerId(), course.title(), course.kind().name(),
                        course.track() == null ? null : course.track().name(),
                        course.level() == null ? null : course.level().name(), course.state().name(), registeredBy,
                        now, now)
                .update();
        writeInstructors(course.courseId(), course.instructors());
        recordChange(course.courseId(), null, course.state(), "registered", registeredBy);
    }

    void replaceInstructors(UUID courseId, List<String> instructors) {
        jdbc.sql("delete from program.course_instructor where course_id = ?").param(courseId).update();
        writeInstructors(courseId, instructors);
    }

    private void writeInstructors(UUID courseId, List<String> instructors) {
        for (String engineerId : instructors) {
            jdbc.sql("insert into program.course_instructor (course_id, engineer_id) values (?, ?)")
                    .params(courseId, engineerId).update();
        }
    }

    /** The partner's course, its row locked until the transaction ends. */
    Optional<Course> lock(String partnerId, UUID courseId) {
        return jdbc.sql("select " + COLUMNS + " from program.course where partner_id = ? and course_id = ? for update")
                .params(partnerId, courseId).query(this::course).optional();
    }

    List<Course> of(String partnerId) {
        return jdbc.sql("select " + COLUMNS + " from program.course where partner_id = ? order by registered_at, course_id")
                .param(partnerId).query(this::course).list();
    }

    /** The courses of these partners in one of {@code states}, rows locked, in a fixed order. */
    List<Course> lockIn(Collection<String> partnerIds, Collection<CourseState> states) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from program.course where partner_id = any(?) and state = any(?) "
                        + "order by course_id for update")
                .params(partnerIds.toArray(String[]::new), states.stream().map(Enum::name).toArray(String[]::new))
                .query(this::course).list();
    }

    void changeState(UUID courseId, CourseState from, CourseState to, String reason, Instant replaceBy,
                     String changedBy) {
        jdbc.sql("""
                        update program.course set state = ?, state_reason = ?, replace_by = ?, updated_at = ?
                        where course_id = ?
                        """)
                .params(to.name(), truncate(reason), replaceBy == null ? null : Timestamp.from(replaceBy),
                        Timestamp.from(clock.now()), courseId)
                .update();
        recordChange(courseId, from, to, reason, changedBy);
    }

    private void recordChange(UUID courseId, CourseState from, CourseState to, String reason, String changedBy) {
        jdbc.sql("""
                        insert into program.course_state_change (course_id, from_state, to_state, reason, changed_by,
                                                                 changed_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(courseId, from == null ? null : from.name(), to.name(), truncate(reason), changedBy,
                        Timestamp.from(clock.now()))
                .update();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
    }

    private Course course(ResultSet rs, int row) throws SQLException {
        UUID courseId = rs.getObject("course_id", UUID.class);
        String track = rs.getString("track");
        String level = rs.getString("level");
        Timestamp replaceBy = rs.getTimestamp("replace_by");
        return new Course(courseId, rs.getString("partner_id"), rs.getString("title"),
                CourseKind.valueOf(rs.getString("kind")), track == null ? null : Track.valueOf(track),
                level == null ? null : CertificationLevel.valueOf(level), CourseState.valueOf(rs.getString("state")),
                rs.getString("state_reason"), replaceBy == null ? null : replaceBy.toInstant(),
                instructorsOf(courseId), rs.getTimestamp("registered_at").toInstant());
    }

    private List<String> instructorsOf(UUID courseId) {
        return jdbc.sql("select engineer_id from program.course_instructor where course_id = ? order by engineer_id")
                .param(courseId).query(String.class).list();
    }
}
