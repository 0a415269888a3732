-- Gradual rollback per release plan: the mode and the pause between its steps back
alter table releases add column rollback_mode varchar(16) not null default 'INSTANT';
alter table releases add column rollback_step_pause varchar(32);

-- a release rolling back gradually still moves traffic: it stays the one open release of
-- its environment, and the conductor finds it
drop index releases_one_open;
create unique index releases_one_open on releases (application, environment)
    where status in ('REQUESTED', 'APPROVED', 'IN_PROGRESS', 'PAUSED', 'ROLLING_BACK');
drop index releases_in_flight;
create index releases_in_flight on releases (status) where status in ('APPROVED', 'IN_PROGRESS', 'ROLLING_BACK');
