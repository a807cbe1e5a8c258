-- The sharing plan (分享计划): a partner's region (optional, from its application), the customer leads the CRM
-- refers, and every offer of a lead to a partner with its answer or expiry.

alter table partner add column region varchar(64);
alter table application add column region varchar(64);

create table referral (
    referral_id         uuid primary key,
    customer_name       varchar(200) not null,
    customer_region     varchar(64)  not null,
    customer_contact    varchar(200) not null,
    edition             varchar(20)  not null,   -- ENTERPRISE, COMMUNITY
    services            text         not null,   -- JSON array of the services wanted
    status              varchar(20)  not null,   -- OFFERING, ACCEPTED, AWAITING_PLACEMENT, PLACED, NOT_PLACED
    received_by         varchar(100),
    received_at         timestamptz  not null,
    process_instance_id varchar(64),
    placed_with         varchar(18),
    placed_by           varchar(100),
    placement_comment   varchar(2000)
);

create table referral_offer (
    offer_id     bigserial primary key,
    referral_id  uuid         not null references referral (referral_id),
    partner_id   varchar(18)  not null references partner (partner_id),
    offered_at   timestamptz  not null,
    respond_by   timestamptz  not null,
    outcome      varchar(20),                        -- null while open; ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
    reason       varchar(1000),
    answered_by  varchar(100),
    closed_at    timestamptz,
    -- a lead is never offered twice to the same partner
    unique (referral_id, partner_id)
);
-- one partner at a time
create unique index referral_offer_one_open_idx on referral_offer (referral_id) where outcome is null;
create index referral_offer_partner_idx on referral_offer (partner_id, outcome);
