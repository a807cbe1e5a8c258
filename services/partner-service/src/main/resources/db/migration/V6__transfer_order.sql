-- When the certificate last changed employer (the transfer event's time): a transfer that arrives after a
-- newer one (the two are keyed by different companies, so Kafka does not order them) does not move it back.
alter table certificate add column transferred_at timestamptz;
