-- The population an audit drew from (partnerIds in the order the draw shuffles them: sorted), so a recorded draw
-- can be replayed from its seed; audits drawn before keep only the count.
alter table audit add column population_ids text;

-- What an auditor verified for a partner (outcome MISMATCH): until certificates make up the difference, the
-- partner's tier is held against this headcount, not the registered one. The certificates that counted when it
-- was verified are kept, so only certificates counted later add to it. A later audit confirming the registered
-- headcount, or finding another mismatch, replaces it.
create table verified_headcount (
    partner_id              varchar(18)  primary key,
    audit_id                varchar(40)  not null,
    automation_service      int          not null check (automation_service >= 0),
    automation_usage        int          not null check (automation_usage >= automation_service),
    development             int          not null check (development >= 0),
    counted_certificate_ids text         not null,  -- comma-separated
    verified_by             varchar(100),
    verified_at             timestamptz  not null
);
