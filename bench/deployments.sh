#!/usr/bin/env bash
# Benchmark 1: recording deployments. 32 concurrent clients for 30 s (wrk) against the
# packaged service on a fresh database, each request a distinct deployment; then checks
# that every accepted request left a deployment row and an audit event, that the audit
# hash chain is valid, and prints the raw single-client JDBC insert rate as the ceiling.
# Usage: bench/deployments.sh [seconds] [connections]
#
# Phases: 10 s cold (a freshly started JVM, reported), a warm-up that is not counted
# (BENCH_WARMUP_SECONDS, default 60, with BENCH_WARMUP_CLIENTS, default 4), then the
# measured run. The warm-up uses few clients on purpose: with 32 busy request threads on
# 2 cores the JIT compiler threads get a thirtieth of the CPU and the service needs
# minutes to reach compiled speed; with 4 it gets there in under a minute.
source "$(dirname "$0")/common.sh"
SECONDS_TO_RUN="${1:-30}"
CONNECTIONS="${2:-32}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-60}"
WARMUP_CLIENTS="${BENCH_WARMUP_CLIENTS:-4}"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

package_service
create_database
start_service

admin_post /api/v1/applications '{"name":"bench","displayName":"Bench","owners":[]}' >/dev/null
admin_post /api/v1/users '{"username":"ci-bench","password":"ci-bench-password","displayName":"CI","roles":["ENGINEER"]}' >/dev/null
BENCH_TOKEN="$(curl -fsS -u ci-bench:ci-bench-password -H 'Content-Type: application/json' -X POST "$BASE/api/v1/tokens" \
  -d '{"name":"bench","expiresInDays":1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
export BENCH_TOKEN

echo "== cold: $CONNECTIONS clients for 10 s right after start (not counted)"
BENCH_RUN=0 wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s -s "$ROOT/bench/deployments.lua" "$BASE" | grep RESULT
if [ "$WARMUP_SECONDS" -gt 0 ]; then
  echo "== warm-up: $WARMUP_CLIENTS clients for $WARMUP_SECONDS s (not counted)"
  BENCH_RUN=1 wrk -t2 -c"$WARMUP_CLIENTS" -d"${WARMUP_SECONDS}s" --timeout 10s -s "$ROOT/bench/deployments.lua" "$BASE" | grep RESULT
fi
sleep 1 # requests in flight when wrk stopped finish before counting
before_rows=$(psql_bench -c "select count(*) from deployments where application = 'bench'")
before_events=$(psql_bench -c "select count(*) from audit_events where application = 'bench' and action = 'deployment.recorded'")

echo "== $CONNECTIONS clients for $SECONDS_TO_RUN s (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
service_cpu_before=$(cpu_ticks "$SERVICE_PID")
db_cpu_before=$(database_cpu_ticks)
result=$(BENCH_RUN=2 wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --timeout 10s -s "$ROOT/bench/deployments.lua" "$BASE" | grep RESULT)
service_cpu=$(( $(cpu_ticks "$SERVICE_PID") - service_cpu_before ))
db_cpu=$(( $(database_cpu_ticks) - db_cpu_before ))
echo "$result"
requests=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$result")
echo "CPU per request: service $(per_request "$service_cpu" "$requests") ms, PostgreSQL backends $(per_request "$db_cpu" "$requests") ms (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "resident memory of the service after the run: $(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )) MB (budget: under 512 MB)"
sleep 1 # requests in flight when wrk stopped finish
rows=$(( $(psql_bench -c "select count(*) from deployments where application = 'bench'") - before_rows ))
events=$(( $(psql_bench -c "select count(*) from audit_events where application = 'bench' and action = 'deployment.recorded'") - before_events ))
created=$(sed -E 's/.* created=([0-9]+).*/\1/' <<<"$result")
echo "accepted (201) $created, deployment rows $rows, audit events $events"
# wrk does not count the responses of requests still in flight when it stops: those may
# add up to one row per connection beyond the 201s it saw
if [ "$rows" -ne "$events" ] || [ "$rows" -lt "$created" ] || [ "$rows" -gt $(( created + CONNECTIONS )) ]; then
  echo "MISMATCH: rows, audit events and accepted requests disagree"; status=1
else
  echo "OK: every accepted request has its deployment row and its audit event ($(( rows - created )) more were in flight at the stop)"; status=0
fi

sleep 1
echo "== audit chain after the run"
curl -fsS -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/audit/verify"; echo
curl -fsS "$BASE/actuator/prometheus" | grep -E '^releasegate_audit_seal_lag_seconds(\{quantile|_max)' || true

echo "== ceiling: raw inserts of the same rows from one JDBC client (10 s)"
java -cp "$DRIVER" "$ROOT/bench/RawInsert.java" "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "$PG_USER" 10
exit $status
