-- The public partner finder (issue 14): anyone pages through the ACTIVE partners, by name, type, level and region.

-- The finder's order over the active partners only: a page is read off the index instead of sorting them all,
-- and the filters by type, level and region check the few columns of the same partial index.
create index partner_finder_idx on partner (company_name, partner_id) include (type, level, region)
    where status = 'ACTIVE';

-- "partner since": the contract that opened the current partnership (signed at activation, so it names its
-- application; renewals do not), one index probe per partner shown.
create index contract_activation_idx on contract (partner_id, starts_on desc, created_at desc)
    where application_id is not null;
