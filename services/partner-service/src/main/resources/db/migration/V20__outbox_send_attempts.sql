-- A row the publisher has started to send. The send and the mark that it was published are in two systems, so
-- a crash (or a lost acknowledgement) between them leaves a row that may be on the topic already. The next
-- round looks for such rows on the topic before it sends them again (OutboxPublisher), so a restart does not
-- publish an event twice. Committed apart from the round, so it survives the round's rollback.
alter table outbox_event add column send_attempted_at timestamptz;
