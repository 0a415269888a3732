-- People who sign in through the identity provider have no local password; where an
-- account comes from, and the applications its provider groups make it own.
alter table users alter column password_hash drop not null;
alter table users add column source varchar(16) not null default 'local';

create table user_applications (
    user_id     uuid        not null references users (id) on delete cascade,
    application varchar(63) not null,
    primary key (user_id, application)
);
