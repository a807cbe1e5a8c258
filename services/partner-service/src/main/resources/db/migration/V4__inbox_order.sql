-- The order in which events were applied, for forensics and for proving per-partner order is kept.
alter table processed_event add column seq bigint generated always as identity;
