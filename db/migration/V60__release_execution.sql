-- Execution of releases: health-gate bookkeeping on the release, kept results, and the
-- gate configuration per application and environment
alter table releases add column gate_failures integer not null default 0;
alter table releases add column last_gate_at timestamptz;
-- the conductor looks for due releases by status
create index releases_in_flight on releases (status) where status in ('APPROVED', 'IN_PROGRESS');

create table release_gate_results (
    id           bigserial    primary key,
    release_id   uuid         not null references releases (id),
    step         integer      not null,
    evaluated_at timestamptz  not null,
    passed       boolean      not null,
    evidence     text         not null
);
create index release_gate_results_by_release on release_gate_results (release_id, id desc);

create table health_gates (
    application varchar(63)  not null references applications (name),
    environment varchar(63)  not null,
    config      text         not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    primary key (application, environment)
);
