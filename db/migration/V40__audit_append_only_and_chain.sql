-- Audit events are append-only: no UPDATE, DELETE or TRUNCATE, not even by the owner of
-- the tables (the service's own database user). Only a superuser who disables the
-- triggers can change a row, and the hash chain below then shows which one.
create function audit_reject_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit history is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

-- The hash chain. Writers insert events unsealed; one sealer at a time (advisory lock)
-- appends them here in the order it seals them, so sealing never updates a row and
-- concurrent writers never wait for each other. hash = SHA-256(prev_hash, canonical
-- content of the event), hex; the first link's prev_hash is 64 zeros.
create table audit_chain (
    seq       bigint      primary key,
    event_id  bigint      not null unique references audit_events (id),
    prev_hash varchar(64) not null,
    hash      varchar(64) not null,
    sealed_at timestamptz not null
);

-- Events waiting for the sealer: a queue filled by a trigger in the writer's transaction,
-- emptied by the sealer in the transaction that appends them to the chain.
create table audit_unsealed (
    event_id bigint primary key
);

create function audit_enqueue_for_sealing() returns trigger
    language plpgsql as
$$
begin
    insert into audit_unsealed (event_id) values (new.id);
    return null;
end;
$$;

create trigger audit_events_enqueue after insert on audit_events
    for each row execute function audit_enqueue_for_sealing();

create trigger audit_events_no_update_or_delete before update or delete on audit_events
    for each row execute function audit_reject_change();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_reject_change();
create trigger audit_chain_no_update_or_delete before update or delete on audit_chain
    for each row execute function audit_reject_change();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_reject_change();

-- Events written before this migration are sealed by the first run of the sealer.
insert into audit_unsealed (event_id) select id from audit_events;

-- Queries filter by one of these and page newest first by (occurred_at, id): each index
-- serves the filter, the order and the keyset condition at once, with or without a
-- time range.
drop index audit_events_by_application;
drop index audit_events_by_actor;
drop index audit_events_by_action;
drop index audit_events_by_time;
create index audit_events_by_application on audit_events (application, occurred_at, id);
create index audit_events_by_environment on audit_events (application, environment, occurred_at, id);
create index audit_events_by_actor on audit_events (actor, occurred_at, id);
create index audit_events_by_action on audit_events (action, occurred_at, id);
create index audit_events_by_subject on audit_events (subject_type, subject_id, occurred_at, id);
create index audit_events_by_time on audit_events (occurred_at, id);
