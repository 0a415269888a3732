-- Links sealed with the audit key (RELEASEGATE_AUDIT_KEY) are HMAC-SHA256 instead of plain
-- SHA-256: whoever can write the database cannot recompute them without the key. Links
-- sealed before a key was configured stay plain, and are accepted only before the first
-- keyed link.
alter table audit_chain add column keyed boolean not null default false;
