-- The program clock of a simulation (profile "simulation" only; production never writes here): the engine clock
-- the simulation last set, read at startup before the job executor runs so a restarted service keeps its day.
create table simulation_clock (
    id          int         primary key check (id = 1),
    now         timestamptz not null,
    moved_at    timestamptz not null
);
