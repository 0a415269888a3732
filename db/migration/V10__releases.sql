-- Releases: the decision to move traffic from the stable deployment to a candidate
create table releases (
    id                      uuid primary key,
    application             varchar(63)   not null references applications (name),
    environment             varchar(63)   not null,
    status                  varchar(16)   not null,
    candidate_deployment_id uuid          not null references deployments (id),
    candidate_version       varchar(128)  not null,
    stable_deployment_id    uuid          references deployments (id),
    stable_version          varchar(128),
    strategy_type           varchar(16)   not null,
    strategy_steps          text          not null,
    current_step            integer,
    step_started_at         timestamptz,
    scheduled_start         timestamptz,
    on_call_contact         varchar(200),
    summary                 varchar(2000),
    ticket_url              varchar(1024),
    requested_by            varchar(64)   not null,
    requested_at            timestamptz   not null,
    plan_changed_at         timestamptz   not null,
    decided_by              varchar(64),
    decided_at              timestamptz,
    reason                  varchar(2000),
    approved_by_policy      boolean       not null default false,
    started_at              timestamptz,
    finished_at             timestamptz,
    revision                integer       not null default 0
);
-- one open release per application and environment, also under concurrent requests
create unique index releases_one_open on releases (application, environment)
    where status in ('REQUESTED', 'APPROVED', 'IN_PROGRESS', 'PAUSED');
create index releases_newest_first on releases (requested_at desc, id desc);
create index releases_by_environment on releases (application, environment, requested_at desc, id desc);
create index releases_by_status on releases (status, requested_at desc, id desc);

-- Product owners' decisions; voided ones stay for the record
create table release_approvals (
    release_id uuid         not null references releases (id),
    username   varchar(64)  not null,
    decision   varchar(16)  not null,
    comment    varchar(2000),
    decided_at timestamptz  not null,
    voided     boolean      not null default false
);
create index release_approvals_by_release on release_approvals (release_id);

-- Attested and waived checklist items
create table release_checklist_marks (
    release_id uuid          not null references releases (id),
    item_key   varchar(63)   not null,
    kind       varchar(16)   not null,
    comment    varchar(2000) not null,
    marked_by  varchar(64)   not null,
    marked_at  timestamptz   not null
);
create index release_checklist_marks_by_release on release_checklist_marks (release_id);

-- Release policy per application and environment
create table release_policies (
    id          uuid primary key,
    application varchar(63)  not null references applications (name),
    environment varchar(63)  not null,
    rules       text         not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    revision    integer      not null default 0,
    constraint release_policies_once unique (application, environment)
);
