-- Every applied transfer: who held a certificate before it moved. A certificate event may change only a
-- certificate the company it names holds; the exception is a grant or revocation issued before a transfer that
-- arrives after it (transfers are keyed by another company, so Kafka does not order them), which names the
-- company a recorded transfer moved the certificate away from.
create table certificate_transfer (
    transfer_id      bigint generated always as identity primary key,
    certificate_id   varchar(100) not null,
    from_partner_id  varchar(18)  not null,
    to_partner_id    varchar(18)  not null,
    transferred_at   timestamptz,
    recorded_at      timestamptz  not null
);
create index certificate_transfer_certificate_idx on certificate_transfer (certificate_id);
