-- Outbound events leave in the order their transactions committed, per partner.
--
-- The id is taken when a row is inserted, so a transaction that wrote its event first but committed last has
-- the lower id: published by id, a partner's events reached the topic in an order that never happened. Now
-- each row gets a commit_seq at commit time (a deferred trigger, the last thing before the commit), while the
-- transaction holds an advisory lock per partner it wrote for: two transactions that wrote events for one
-- partner take their numbers one after the other, and the second only once the first is visible. The
-- publisher sends by commit_seq. Locks are taken in sorted order, so two such commits never deadlock.

create sequence outbox_commit_seq;

alter table outbox_event add column commit_seq bigint;
update outbox_event set commit_seq = id;
select setval('outbox_commit_seq', coalesce((select max(id) from outbox_event), 0) + 1, false);

drop index outbox_unpublished_idx;
create index outbox_unpublished_idx on outbox_event (commit_seq) where published_at is null;
create index outbox_unnumbered_idx on outbox_event (id) where commit_seq is null;
-- published events in the order they left, for forensics and the simulation's order check
create index outbox_commit_seq_idx on outbox_event (commit_seq);

-- the service's connections do not have this schema on their search path
create function outbox_number_at_commit() returns trigger language plpgsql set search_path from current as $$
declare
    pending record;
begin
    -- the first firing of a commit numbers all its rows, the later ones find their own row numbered already
    if (select commit_seq from outbox_event where id = new.id) is not null then
        return null;
    end if;
    -- every committed row has its number, so the rows without one are this transaction's own; locked in the
    -- order of the lock keys themselves (two keys of one hash are one lock)
    for pending in select distinct hashtext(message_key) as key from outbox_event where commit_seq is null
                   order by 1 loop
        -- classid 0x6f62 ('ob'): apart from the publisher's single-bigint lock
        perform pg_advisory_xact_lock(28514, pending.key);
    end loop;
    for pending in select id from outbox_event where commit_seq is null order by id loop
        update outbox_event set commit_seq = nextval('outbox_commit_seq') where id = pending.id;
    end loop;
    return null;
end
$$;

create constraint trigger outbox_numbered_at_commit
    after insert on outbox_event
    deferrable initially deferred
    for each row execute function outbox_number_at_commit();
