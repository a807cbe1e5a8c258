-- Tier decisions: every change of a partner's evaluation result, with its inputs and the rule version.
create table evaluation (
    evaluation_id               bigserial primary key,
    partner_id                  varchar(18) not null,
    evaluated_at                timestamptz not null,
    trigger                     varchar(40) not null,
    partner_type                varchar(20) not null,
    current_level               varchar(20),
    automation_service          int         not null,
    automation_usage            int         not null,
    development                 int         not null,
    required_automation_service int         not null,
    required_automation_usage   int         not null,
    required_development        int         not null,
    qualifying_level            varchar(20),
    outcome                     varchar(20) not null, -- MEETS, SHORTFALL, UPGRADE
    rule_version                varchar(60) not null
);
create index evaluation_partner_idx on evaluation (partner_id, evaluation_id desc);

-- the last result, to tell in one read whether a headcount change changes it
alter table partner add column evaluation_outcome varchar(20);
alter table partner add column qualifying_level varchar(20);

-- termination requests raised by the program (shortfall not remedied, …), for the termination process
create table termination_request (
    request_id      bigserial primary key,
    partner_id      varchar(18)  not null,
    cause           varchar(40)  not null,
    reason          varchar(1000) not null,
    requested_at    timestamptz  not null
);
create index termination_request_partner_idx on termination_request (partner_id);

-- headcount-at-risk notices: one per partner and forecast date
create table at_risk_notice (
    partner_id      varchar(18) not null,
    falls_below_on  date        not null,
    notified_at     timestamptz not null,
    primary key (partner_id, falls_below_on)
);

create index certificate_expiry_idx on certificate (expires_on) where granted and status = 'VALID';

-- daily sweeps remember the last day they covered
create table sweep_state (
    name            varchar(60) primary key,
    last_day        date        not null
);
