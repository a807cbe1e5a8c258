-- Termination cases: requests are kept even when no case can start (the company is not an active partner,
-- or a case is already open); the case that decided them is linked when it closes.
alter table termination_request add column raised_by varchar(100);
alter table termination_request add column outcome varchar(20);          -- TERMINATED, DECLINED, NOT_ACTIVE
alter table termination_request add column process_instance_id varchar(64);

-- Moved deadlines (timers of running processes), with who moved them and why.
create table deadline_change (
    change_id           bigserial primary key,
    partner_id          varchar(18)  not null,
    process_instance_id varchar(64)  not null,
    timer               varchar(100) not null,
    old_due_at          timestamptz,
    new_due_at          timestamptz  not null,
    reason              varchar(1000) not null,
    changed_by          varchar(100) not null,
    changed_at          timestamptz  not null
);
create index deadline_change_partner_idx on deadline_change (partner_id, change_id desc);

-- Quarterly audits: the draw is reproducible from its seed and population.
create table audit (
    audit_id            varchar(40)  primary key,
    seed                bigint       not null,
    sample_size         int          not null,
    population          int          not null,
    sampled             text         not null,  -- partnerIds, comma-separated, in draw order
    started_by          varchar(100),
    drawn_at            timestamptz  not null,
    drawn_on            date         not null
);

-- What was counted for each sampled partner on the audit date.
create table audit_evidence (
    audit_id            varchar(40)  not null,
    partner_id          varchar(18)  not null,
    certificate_id      varchar(100) not null,
    engineer_id         varchar(100),
    track               varchar(20),
    level               varchar(20),
    expires_on          date,
    primary key (audit_id, partner_id, certificate_id)
);

create table audit_outcome (
    audit_id            varchar(40)  not null,
    partner_id          varchar(18)  not null,
    outcome             varchar(20)  not null,  -- CONFIRMED, MISMATCH, DECEPTION
    comment             varchar(2000),
    decided_by          varchar(100),
    decided_at          timestamptz  not null,
    primary key (audit_id, partner_id)
);

alter table contract add column ended_on date;
