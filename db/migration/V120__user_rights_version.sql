-- A person's rights version: raised whenever their roles change or their account is
-- disabled, so every instance sees on the next request that a session or a cached token
-- was granted under rights that no longer hold (one indexed read per request).
alter table users add column rights_version integer not null default 0;
