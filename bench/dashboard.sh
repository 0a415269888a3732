#!/usr/bin/env bash
# The dashboard at scale: 1,000 applications with two environments each (production with a
# router binding and a 90/10 split, staging with one deployment), on the packaged service and
# a fresh database. Prints the server time of the first page (p50/p95/p99 over $1 loads,
# default 100), its size plain and gzip-compressed, the database transactions one load costs,
# and the idle service's transactions per second. Needs PostgreSQL and curl like the tests.
# Usage: bench/dashboard.sh [loads]
source "$(dirname "$0")/common.sh"
LOADS="${1:-100}"
APPS=1000

package_service
create_database
# the operator's pull connection the seeded bindings name
BENCH_SERVICE_ARGS="${BENCH_SERVICE_ARGS:-} --releasegate.traffic.connections.pull.adapter=pull"
start_service

echo "seeding $APPS applications"
psql_bench <<SQL >/dev/null
insert into applications (name, display_name, created_at, updated_at)
  select 'app-' || lpad(i::text, 4, '0'), 'Application ' || i, now(), now() from generate_series(1, $APPS) i;
insert into application_owners (application, username) select name, 'admin' from applications;
insert into deployments (id, application, environment, version, endpoint, state, health, traffic_percent, recorded_by, recorded_at)
  select gen_random_uuid(), a.name, e.environment, v.version, a.name || '/' || v.version, 'RUNNING', 'HEALTHY',
         case when e.environment = 'staging' then 100 when v.version = '1.0.0' then 90 else 10 end, 'bench', now()
  from applications a
  cross join (values ('production'), ('staging')) e(environment)
  cross join (values ('1.0.0'), ('1.1.0')) v(version)
  where not (e.environment = 'staging' and v.version = '1.0.0');
insert into router_bindings (application, environment, adapter, settings, drift_policy, desired, observed_at, in_sync, created_at, updated_at)
  select d.application, 'production', 'pull', jsonb_build_object('connection', 'pull', 'key', d.application), 'CORRECT',
         jsonb_object_agg(d.id::text, d.traffic_percent), now(), true, now(), now()
  from deployments d where d.environment = 'production' group by d.application;
-- what the pull adapter serves, so the load balancers are in sync from the start
insert into traffic_pull_shares (pull_key, member, percent, updated_at)
  select application, endpoint, traffic_percent, now() from deployments where environment = 'production';
SQL

JAR_COOKIES="$WORK/cookies"
csrf=$(curl -fsS -c "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null -X POST "$BASE/login" \
  --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf"

load() { curl -fsS -b "$JAR_COOKIES" -o /dev/null -w '%{time_starttransfer} %{size_download}\n' "$@" "$BASE/"; }
for _ in $(seq 1 20); do load >/dev/null; done   # warm-up

xacts() { psql_admin -c "select xact_commit + xact_rollback from pg_stat_database where datname = '$DB'"; }
idle_before=$(xacts); sleep 10; idle_after=$(xacts)
idle_rate=$(awk -v a="$idle_before" -v b="$idle_after" 'BEGIN { printf "%.1f", (b - a) / 10 }')

before=$(xacts); start=$(date +%s.%N)
for _ in $(seq 1 "$LOADS"); do load; done > "$WORK/plain.txt"
after=$(xacts); elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
for _ in $(seq 1 20); do load -H 'Accept-Encoding: gzip'; done > "$WORK/gzip.txt"

per_load=$(awk -v a="$before" -v b="$after" -v n="$LOADS" -v idle="$idle_rate" -v t="$elapsed" \
  'BEGIN { printf "%.1f", (b - a - idle * t) / n }')
pct() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
{
  echo "dashboard, $APPS applications x 2 environments, first page, $LOADS loads (server time to first byte over loopback)"
  echo "  p50 $(cut -d' ' -f1 "$WORK/plain.txt" | pct 50) ms, p95 $(cut -d' ' -f1 "$WORK/plain.txt" | pct 95) ms, p99 $(cut -d' ' -f1 "$WORK/plain.txt" | pct 99) ms"
  echo "  size $(head -n 1 "$WORK/plain.txt" | cut -d' ' -f2) bytes of HTML, $(head -n 1 "$WORK/gzip.txt" | cut -d' ' -f2) bytes gzip-compressed"
  echo "  database transactions per load: $per_load (idle background: $idle_rate per second)"
} | tee "$ROOT/target/benchmark-dashboard.txt"
