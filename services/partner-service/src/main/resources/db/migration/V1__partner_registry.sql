-- The project's own tables, in schema "program" (Flyway); Camunda keeps its ACT_* tables in the default schema.

create table partner (
    partner_id      varchar(18) primary key,
    company_name    varchar(200) not null,
    type            varchar(20)  not null,
    level           varchar(20),
    status          varchar(30)  not null,
    contact_name    varchar(100),
    contact_email   varchar(254),
    contact_phone   varchar(40),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index partner_directory_idx on partner (type, level, status, partner_id);

create table application (
    application_id      uuid primary key,
    partner_id          varchar(18)  not null,
    company_name        varchar(200) not null,
    type                varchar(20)  not null,
    contact_name        varchar(100) not null,
    contact_email       varchar(254) not null,
    contact_phone       varchar(40)  not null,
    accepts_program_rules boolean    not null,
    no_competing_products boolean    not null,
    status              varchar(20)  not null,   -- OPEN, APPROVED, REJECTED, CANCELLED
    outcome_reason      varchar(1000),
    submitted_by        varchar(100),
    process_instance_id varchar(64),
    submitted_at        timestamptz  not null,
    decided_at          timestamptz
);
-- at most one open application per company, also under concurrent submissions
create unique index application_one_open_per_partner on application (partner_id) where status = 'OPEN';
create index application_partner_idx on application (partner_id, submitted_at desc);

create table contract (
    contract_id     varchar(64) primary key,
    partner_id      varchar(18) not null,
    application_id  uuid,
    type            varchar(20) not null,
    level           varchar(20),
    starts_on       date        not null,
    ends_on         date        not null,
    status          varchar(20) not null,    -- ACTIVE, ENDED, TERMINATED
    created_at      timestamptz not null
);
create index contract_partner_idx on contract (partner_id, starts_on desc);

create table invoice (
    invoice_id      varchar(64) primary key,
    partner_id      varchar(18) not null,
    application_id  uuid,
    purpose         varchar(20)    not null, -- ONBOARDING, RENEWAL
    amount          numeric(14, 2) not null,
    currency        varchar(3)     not null,
    due_on          date           not null,
    status          varchar(20)    not null, -- OPEN, PAID, CANCELLED, REFUNDED
    paid_at         timestamptz,
    created_at      timestamptz    not null
);
create index invoice_partner_idx on invoice (partner_id);

create table payment (
    payment_id      bigserial primary key,
    event_id        varchar(200)   not null,
    kind            varchar(20)    not null, -- RECEIVED, FAILED, REFUNDED
    invoice_id      varchar(64)    not null,
    partner_id      varchar(18)    not null,
    amount          numeric(14, 2),
    currency        varchar(3),
    occurred_at     timestamptz,
    reason          varchar(1000),
    outcome         varchar(30)    not null, -- APPLIED, UNKNOWN_INVOICE, SHORT_PAYMENT, ...
    recorded_at     timestamptz    not null
);
create index payment_invoice_idx on payment (invoice_id);

create table certificate (
    certificate_id  varchar(100) primary key,
    partner_id      varchar(18)  not null,
    engineer_id     varchar(100),
    track           varchar(20),
    level           varchar(20),
    issued_on       date,
    expires_on      date,
    status          varchar(20)  not null,   -- VALID, REVOKED, EXPIRED; a row may exist before its grant arrives
    granted         boolean      not null,
    status_reason   varchar(1000),
    updated_at      timestamptz  not null
);
create index certificate_partner_idx on certificate (partner_id, status);

-- inbox: one row per consumed event, written in the transaction of its effects
create table processed_event (
    source          varchar(200) not null,
    event_id        varchar(200) not null,
    topic           varchar(200) not null,
    type            varchar(100) not null,
    processed_at    timestamptz  not null,
    primary key (source, event_id)
);

-- outbox: written in the transaction of the state change, published after commit
create table outbox_event (
    id              bigserial primary key,
    event_id        uuid          not null unique,
    topic           varchar(200)  not null,
    message_key     varchar(200)  not null,
    type            varchar(100)  not null,
    payload         text          not null,
    created_at      timestamptz   not null,
    published_at    timestamptz
);
create index outbox_unpublished_idx on outbox_event (id) where published_at is null;
