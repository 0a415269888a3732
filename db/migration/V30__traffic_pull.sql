-- Traffic, pull adapter: the split that load balancers which poll (Traefik's HTTP
-- provider) fetch, one row per member, keyed by the binding's 'key' setting
create table traffic_pull_shares (
    pull_key   varchar(200)     not null,
    member     varchar(300)     not null,
    percent    double precision not null check (percent >= 0 and percent <= 100),
    updated_at timestamptz      not null,
    primary key (pull_key, member)
);
