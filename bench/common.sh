# Shared by the benchmark scripts: a fresh database, the packaged service, clean-up.
# Needs PostgreSQL at $BENCH_PG_HOST:$BENCH_PG_PORT (user $BENCH_PG_USER, no password), java, curl.
# The service runs on $BENCH_JAVA (default: java on the PATH) with $BENCH_JAVA_OPTS (default
# -Xmx384m) and $BENCH_SERVICE_ARGS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DB="releasegate_bench_$(date +%s)_$$"
WORK="$(mktemp -d)"
SERVICE_PID=""

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAX "$@"; }
psql_bench() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qtAX "$@"; }

cleanup() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  psql_admin -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  [ -f "$WORK/service.log" ] && cp "$WORK/service.log" "$ROOT/target/bench-service.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

create_database() {
  psql_admin -c "create database $DB" >/dev/null
  echo "database $DB"
}

# The packaged jar (built once, tests skipped) and the PostgreSQL driver inside it.
package_service() {
  JAR="$(ls "$ROOT"/target/releasegate-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)"
  if [ -z "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    echo "building the jar (./mvnw package -DskipTests)"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
    JAR="$(ls "$ROOT"/target/releasegate-*.jar | grep -v plain | head -n 1)"
  fi
  (cd "$WORK" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib")
  DRIVER="$(ls "$WORK"/lib/postgresql-*.jar)"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

ADMIN_PASSWORD="bench-admin-$$"

start_service() {
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  RELEASEGATE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" RELEASEGATE_DB_USER="$PG_USER" \
    RELEASEGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" RELEASEGATE_PORT="$PORT" \
    "${BENCH_JAVA:-java}" ${BENCH_JAVA_OPTS:--Xmx384m} -jar "$JAR" ${BENCH_SERVICE_ARGS:-} >"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 360); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then echo "service up on $BASE (pid $SERVICE_PID)"; return; fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then tail -n 40 "$WORK/service.log"; echo "service died"; exit 1; fi
    sleep 0.5
  done
  tail -n 40 "$WORK/service.log"; echo "service did not become ready"; exit 1
}

# CPU time (user + system, in clock ticks) of a process and all its threads
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# CPU time of the PostgreSQL backends connected to the benchmark database (the pool's
# connections live for the whole run; WAL writer and checkpointer are not counted)
database_cpu_ticks() {
  local total=0 pid
  for pid in $(psql_admin -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"); do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(cpu_ticks "$pid") ))
  done
  echo "$total"
}

# milliseconds of CPU per request from clock ticks and a request count
per_request() { awk -v ticks="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? ticks * 1000 / hz / n : 0) }'; }

admin_post() { curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST "$BASE$1" -d "$2"; }
