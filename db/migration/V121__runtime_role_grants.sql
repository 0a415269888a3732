-- Two database roles: Flyway migrates as the owner of the schema
-- (RELEASEGATE_DB_MIGRATION_USER); the service runs as the runtime role
-- (RELEASEGATE_DB_USER, the placeholder below), which may read and write the working
-- tables but only INSERT and SELECT the audit history: it cannot change, delete or
-- truncate an audit row, nor disable the triggers (only a table's owner or a superuser
-- may ALTER TABLE). Nothing happens when both are the same role (a single-role setup,
-- which the service warns about at start).
do $$
declare
    runtime text := '${runtime_user}';
begin
    if runtime = '' or runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
        raise notice 'no separate runtime role: the service runs as the owner of the audit tables';
        return;
    end if;
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('revoke update, delete, truncate, references, trigger on audit_events, audit_chain from %I', runtime);
    -- the sealing queue: the sealer removes what it sealed
    execute format('revoke update, truncate, references, trigger on audit_unsealed from %I', runtime);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', runtime);
    -- tables and sequences later migrations create (as the owner) are the runtime's too;
    -- a later audit table must revoke UPDATE and DELETE again, as above
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', runtime);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', runtime);
end
$$;
