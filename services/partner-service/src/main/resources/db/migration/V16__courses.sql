-- Courses of education partners (issue 13, part 1). A course runs only while each of its instructors holds a
-- valid certificate of the partner that matches it; the rows here are the truth, the course-review and
-- course-suspension processes only carry out the review and the replacement deadline.
create table course (
    course_id        uuid         primary key,
    partner_id       varchar(18)  not null,
    title            varchar(200) not null,
    kind             varchar(30)  not null, -- CERTIFICATION, AUTOMATION_OPERATIONS, LARGE_SCALE_PRACTICE, ENTERPRISE_TRAINING
    track            varchar(20),           -- CERTIFICATION only
    level            varchar(20),           -- CERTIFICATION of the AUTOMATION track only
    state            varchar(20)  not null, -- UNDER_REVIEW, APPROVED, SUSPENDED, WITHDRAWN, REJECTED
    state_reason     varchar(2000),
    replace_by       timestamptz,           -- while SUSPENDED: when the course is withdrawn without replacement
    registered_by    varchar(100) not null,
    registered_at    timestamptz  not null,
    updated_at       timestamptz  not null
);
create index course_partner_state_idx on course (partner_id, state);

create table course_instructor (
    course_id    uuid         not null references course (course_id),
    engineer_id  varchar(100) not null,
    primary key (course_id, engineer_id)
);

-- Every change of a course's state, who or what caused it and why.
create table course_state_change (
    change_id   bigint generated always as identity primary key,
    course_id   uuid          not null references course (course_id),
    from_state  varchar(20),
    to_state    varchar(20)   not null,
    reason      varchar(2000),
    changed_by  varchar(100),
    changed_at  timestamptz   not null
);
create index course_state_change_course_idx on course_state_change (course_id);
