-- One row per renewal of a contract, from its renewal check until it is renewed or ends: what the renewal
-- decides from (the contract it renews, its invoice) is read here by the renewal process instance, never from a
-- process variable.
create table renewal (
    process_instance_id varchar(64)  primary key,
    partner_id          varchar(18)  not null,
    contract_id         varchar(64)  not null, -- the contract being renewed
    contract_ends_on    date         not null,
    invoice_id          varchar(64),           -- the renewal fee's invoice, once requested
    status              varchar(20)  not null, -- OPEN, RENEWED, NOT_RENEWED
    opened_at           timestamptz  not null,
    closed_at           timestamptz
);
create unique index renewal_one_open_per_partner on renewal (partner_id) where status = 'OPEN';

-- The basic qualifications 1 and 2 confirmed again by the partner (through the website) for the new term: a
-- renewal is signed only after a confirmation for that renewal.
create table renewal_attestation (
    attestation_id        bigserial    primary key,
    process_instance_id   varchar(64)  not null references renewal (process_instance_id),
    partner_id            varchar(18)  not null,
    contract_id           varchar(64)  not null,
    accepts_program_rules boolean      not null,
    no_competing_products boolean      not null,
    submitted_by          varchar(100) not null,
    submitted_at          timestamptz  not null
);
create index renewal_attestation_renewal_idx on renewal_attestation (process_instance_id);

-- A renewal fee paid for a renewal that did not happen is recorded as to be returned in payment_case, keyed by
-- the renewal process instance. Its payment may already be bound to the finance case that settled it (a short
-- payment accepted), so a payment is now bound to at most one finance case and at most one unused-fee record.
alter table payment_case drop constraint payment_case_payment_id_key;
create unique index payment_case_one_finance_case_per_payment on payment_case (payment_id)
    where problem <> 'RENEWAL_NOT_CONCLUDED';
create unique index payment_case_one_return_per_payment on payment_case (payment_id)
    where problem = 'RENEWAL_NOT_CONCLUDED';
