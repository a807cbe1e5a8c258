-- A payment finance has to resolve, bound to the payment-exception case it opened. The case settles at most
-- the invoice its own payment named (never one named by a task completion), and keeps where the money went:
-- SETTLED, or TO_BE_RETURNED with the reason, who decided and their comment.
create table payment_case (
    process_instance_id varchar(64)   primary key,
    payment_id          bigint        not null unique references payment (payment_id),
    partner_id          varchar(18)   not null,
    problem             varchar(30)   not null, -- why the payment was not applied by itself: UNKNOWN_INVOICE, ...
    opened_at           timestamptz   not null,
    outcome             varchar(20),            -- null while open; SETTLED, TO_BE_RETURNED
    outcome_reason      varchar(40),            -- TO_BE_RETURNED: DECLINED, UNKNOWN_INVOICE, INVOICE_NOT_OPEN, ...
    settled_invoice_id  varchar(64),
    decided_by          varchar(100),
    decision_comment    varchar(2000),
    decided_at          timestamptz
);
create index payment_case_partner_idx on payment_case (partner_id);
-- money finance still has to send back
create index payment_case_to_return_idx on payment_case (decided_at) where outcome = 'TO_BE_RETURNED';
