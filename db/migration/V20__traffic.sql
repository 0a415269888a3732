-- Traffic: how each application+environment reaches its load balancer, what split
-- ReleaseGate wants there, and what the load balancer reports.
create table router_bindings (
    application     varchar(63)   not null references applications (name),
    environment     varchar(63)   not null,
    adapter         varchar(32)   not null,
    settings        jsonb         not null,
    drift_policy    varchar(16)   not null,
    -- desired split: {"<deployment id>": percent}, null until something is decided or adopted
    desired         jsonb,
    -- observed shares per load balancer member, as last read
    observed        jsonb,
    observed_at     timestamptz,
    in_sync         boolean,
    last_error      varchar(2000),
    last_applied_at timestamptz,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    primary key (application, environment)
);

-- Every desired split ever decided, newest last: rollback looks for the latest one in
-- which a single deployment held 100%.
create table traffic_splits (
    id          bigserial     primary key,
    application varchar(63)   not null,
    environment varchar(63)   not null,
    split       jsonb         not null,
    holder      uuid,
    reason      varchar(1000),
    actor       varchar(64)   not null,
    changed_at  timestamptz   not null
);
create index traffic_splits_newest_first on traffic_splits (application, environment, id desc);

-- Every push to a load balancer: what was asked, how often it was tried, and the outcome.
create table traffic_changes (
    id           uuid          primary key,
    application  varchar(63)   not null,
    environment  varchar(63)   not null,
    kind         varchar(16)   not null,
    split        jsonb         not null,
    members      jsonb         not null,
    adapter      varchar(32)   not null,
    reason       varchar(1000),
    status       varchar(16)   not null,
    attempts     integer       not null default 0,
    requested_at timestamptz   not null,
    last_attempt_at timestamptz,
    applied_at   timestamptz,
    last_error   varchar(2000)
);
create index traffic_changes_pending on traffic_changes (application, environment, requested_at desc)
    where status = 'PENDING';
create index traffic_changes_newest_first on traffic_changes (application, environment, requested_at desc);

-- Times the load balancer was found to differ from the desired split.
create table traffic_drift (
    id          bigserial     primary key,
    application varchar(63)   not null,
    environment varchar(63)   not null,
    desired     jsonb         not null,
    observed    jsonb         not null,
    corrected   boolean       not null,
    detected_at timestamptz   not null,
    resolved_at timestamptz
);
create index traffic_drift_newest_first on traffic_drift (application, environment, id desc);
