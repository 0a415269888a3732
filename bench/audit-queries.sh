#!/usr/bin/env bash
# Benchmark 2: audit queries over 1,000,000 events. Migrates a fresh database by starting
# the packaged service once, generates a year of events (200 applications, 50 actors) with
# SQL, then times the first page and the page 10,000 events deep of filtered queries
# (the SQL the audit history issues) and prints which indexes the plans use.
# Usage: bench/audit-queries.sh [events]   (BENCH_PLANS=1 prints whole plans)
source "$(dirname "$0")/common.sh"
EVENTS="${1:-1000000}"

package_service
create_database
start_service
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
echo "schema migrated; generating $EVENTS audit events"

started=$(date +%s)
# generated history is not sealed: replica mode skips the sealing queue's trigger, which
# the query benchmark does not need
psql_bench <<SQL
set session_replication_role = replica;
insert into audit_events (occurred_at, actor, actor_kind, action, subject_type, subject_id,
                          application, environment, before_state, after_state)
select timestamptz '2025-11-29 00:00:00+00' + g * (interval '365 days' / $EVENTS),
       'actor-' || (g * 7 % 50),
       'TOKEN',
       (array['deployment.recorded', 'release.requested', 'release.approved', 'traffic.shifted',
              'release.completed', 'deployment.retired', 'release.rolled-back'])[1 + g % 7],
       'deployment',
       'subject-' || (g % 100000),
       'app-' || (g * 13 % 200),
       (array['production', 'staging', 'dev'])[1 + g % 3],
       null,
       jsonb_build_object('version', '1.' || g, 'state', 'RUNNING', 'trafficPercent', 0)
from generate_series(1, $EVENTS) g;
set session_replication_role = origin;
vacuum analyze audit_events;
SQL
echo "generated in $(( $(date +%s) - started )) s: $(psql_bench -c 'select count(*) from audit_events') events"

java -cp "$DRIVER" "$ROOT/bench/AuditQueries.java" "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "$PG_USER"
