-- The demo stack's database (README, "Demo stack" and "Database roles"): the owner role
-- Flyway migrates as, the runtime role the service connects as, and the database owned
-- by the owner. The migrations grant the runtime role what it may do (V121: only INSERT
-- and SELECT on the audit tables). Run once, by the postgres image, on an empty volume.
-- The passwords are the demo's own, the same as in docker-compose.yml: not for real use.
create role releasegate_owner login password 'demo-only-owner-password';
create role releasegate_app login password 'demo-only-app-password';
create database releasegate owner releasegate_owner;
