-- Identity: people and CI tokens
create table users (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(100) not null,
    display_name  varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    revision      integer      not null default 0
);

create table user_roles (
    user_id uuid        not null references users (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid         not null references users (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)    not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_tokens_by_user on api_tokens (user_id, created_at desc);

create table api_token_roles (
    token_id uuid        not null references api_tokens (id) on delete cascade,
    role     varchar(32) not null,
    primary key (token_id, role)
);

-- Applications
create table applications (
    name         varchar(63)  primary key,
    display_name varchar(200) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    revision     integer      not null default 0
);

create table application_owners (
    application varchar(63) not null references applications (name) on delete cascade,
    username    varchar(64) not null,
    primary key (application, username)
);

-- Deployments: one version of an application placed in one environment
create table deployments (
    id              uuid primary key,
    application     varchar(63)   not null references applications (name),
    environment     varchar(63)   not null,
    version         varchar(128)  not null,
    artifact        varchar(512),
    commit_sha      varchar(64),
    pipeline_url    varchar(1024),
    endpoint        varchar(512)  not null,
    state           varchar(16)   not null,
    health          varchar(16)   not null,
    health_detail   varchar(1000),
    traffic_percent integer       not null default 0 check (traffic_percent between 0 and 100),
    recorded_by     varchar(64)   not null,
    recorded_at     timestamptz   not null,
    retired_by      varchar(64),
    retired_at      timestamptz,
    revision        integer       not null default 0,
    constraint deployments_version_once unique (application, environment, version)
);
create index deployments_newest_first on deployments (recorded_at desc, id desc);
create index deployments_by_environment on deployments (application, environment, recorded_at desc, id desc);

-- Audit: append-only record of every change
create table audit_events (
    id           bigserial primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(64)  not null,
    actor_kind   varchar(16)  not null,
    action       varchar(64)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(128) not null,
    application  varchar(63),
    environment  varchar(63),
    before_state jsonb,
    after_state  jsonb
);
create index audit_events_by_application on audit_events (application, id desc);
create index audit_events_by_actor on audit_events (actor, id desc);
create index audit_events_by_action on audit_events (action, id desc);
create index audit_events_by_time on audit_events (occurred_at desc, id desc);

-- Spring Modulith event publication registry (transactional outbox), schema v2
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- ShedLock: one instance runs a scheduled job at a time
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
