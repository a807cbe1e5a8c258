-- Every decision a person made on a task, recorded in the transaction of the completion. Gateways and delegates
-- read decisions from here, never from process variables (which any completion could have carried).
create table task_decision (
    decision_id         bigserial primary key,
    process_instance_id varchar(64)   not null,
    execution_id        varchar(64)   not null,
    task_id             varchar(64)   not null,
    task_key            varchar(100)  not null,
    business_key        varchar(255),
    decision            varchar(40),              -- true, false, a choice (audit outcome), or null (a note)
    comment             varchar(2000),
    details             jsonb         not null,   -- the completion's declared variables
    decided_by          varchar(100),
    decided_at          timestamptz   not null
);
create index task_decision_process_idx on task_decision (process_instance_id, task_key, decision_id desc);
create index task_decision_execution_idx on task_decision (execution_id, task_key);

-- The level the qualification check proposed, kept with the application: activation reads it from here.
alter table application add column proposed_level varchar(20);

-- Applications in review when this migration runs: their proposed level was only a process variable.
do $$
declare
    engine_schema text;
begin
    select table_schema into engine_schema from information_schema.tables
    where table_name = 'act_ru_variable' limit 1;
    if engine_schema is not null then
        execute format('update program.application a set proposed_level = v.text_ from %I.act_ru_variable v '
                       || 'where v.proc_inst_id_ = a.process_instance_id and v.name_ = ''proposedLevel'' '
                       || 'and a.status = ''OPEN'' and v.text_ is not null', engine_schema);
    end if;
end $$;
