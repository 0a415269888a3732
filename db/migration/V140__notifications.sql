-- Notifications (issue 12): where a person wants email, and the outbox of deliveries.

alter table users add column email varchar(254);
alter table users add column email_notifications boolean not null default true;

-- What the notifications module knows of a release from its events (versions, requester),
-- so later messages can name them without reading other modules' tables.
create table notification_releases (
    release_id        uuid primary key,
    application       varchar(63)  not null,
    environment       varchar(63)  not null,
    candidate_version varchar(128) not null,
    requested_by      varchar(64)  not null
);

-- One row per message, recipient and channel, written in the transaction of the change;
-- a poller delivers it after commit (claim with FOR UPDATE SKIP LOCKED, send, mark).
create table notification_deliveries (
    id              uuid primary key,
    notice_key      varchar(200) not null,
    event           varchar(64)  not null,
    release_id      uuid,
    application     varchar(63),
    environment     varchar(63),
    channel         varchar(64)  not null,
    recipient       varchar(254) not null,
    title           varchar(500) not null,
    summary         text         not null,
    link            varchar(2000),
    occurred_at     timestamptz  not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    sent_at         timestamptz,
    last_error      varchar(500),
    unique (notice_key, channel, recipient)
);
create index notification_deliveries_due on notification_deliveries (next_attempt_at) where status = 'PENDING';
create index notification_deliveries_by_release on notification_deliveries (release_id, occurred_at);
