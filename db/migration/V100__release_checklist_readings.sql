-- What the background settler last read for a release's checklist items that call out
-- (the Prometheus gate for normal behaviour): reads of a release show these instead of
-- asking Prometheus themselves
create table release_checklist_readings (
    release_id uuid         not null references releases (id),
    item       varchar(63)  not null,
    read_at    timestamptz  not null,
    passed     boolean      not null,
    evidence   text         not null,
    primary key (release_id, item)
);
