#!/usr/bin/env bash
# Replays the curl flows of the README's "Releases" and "A canary with curl, from request to
# rollback" sections, literally (the bash blocks are read from README.md), against a live
# service: the packaged jar on a fresh database, a real HAProxy and two small backends that
# answer with their version. Every curl fails on an HTTP error, and the end state is checked
# through the API and through HAProxy. Not part of ./mvnw verify; takes about two minutes.
#
# Needs PostgreSQL at $WALKTHROUGH_PG_HOST:$WALKTHROUGH_PG_PORT (default 127.0.0.1:5432, user
# $WALKTHROUGH_PG_USER=postgres, no password), /usr/sbin/haproxy, java, curl, jq, python3, psql.
# Usage: docs/readme-walkthrough.sh      (the log of the service ends in target/walkthrough-service.log)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_HOST="${WALKTHROUGH_PG_HOST:-127.0.0.1}"
PG_PORT="${WALKTHROUGH_PG_PORT:-5432}"
PG_USER="${WALKTHROUGH_PG_USER:-postgres}"
DB="rg_readme_$(date +%s)_$$"
WORK="$(mktemp -d)"
PIDS=()

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAX "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_admin -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  mkdir -p "$ROOT/target" && cp "$WORK/service.log" "$ROOT/target/walkthrough-service.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java curl jq python3 psql /usr/sbin/haproxy; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

JAR="$(ls "$ROOT"/target/releasegate-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)"
if [ -z "$JAR" ] || [ -n "${WALKTHROUGH_REBUILD:-}" ]; then
  echo "== building the jar (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  JAR="$(ls "$ROOT"/target/releasegate-*.jar | grep -v plain | head -n 1)"
fi

echo "== two backends, HAProxy, a fresh database $DB and the service"
cat >"$WORK/backend.py" <<'PY'
import http.server, sys
version = sys.argv[2].encode()
class Version(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(version)))
        self.end_headers()
        self.wfile.write(version)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Version).serve_forever()
PY
V142_PORT="$(free_port)"; V150_PORT="$(free_port)"; FRONTEND_PORT="$(free_port)"
python3 "$WORK/backend.py" "$V142_PORT" 1.4.2 & PIDS+=($!)
python3 "$WORK/backend.py" "$V150_PORT" 1.5.0 & PIDS+=($!)
cat >"$WORK/haproxy.cfg" <<CFG
global
    stats socket $WORK/admin.sock mode 600 level admin
defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s
frontend fe
    bind 127.0.0.1:$FRONTEND_PORT
    default_backend checkout
backend checkout
    balance roundrobin
    server checkout-v142 127.0.0.1:$V142_PORT weight 256
    server checkout-v150 127.0.0.1:$V150_PORT weight 0
CFG
/usr/sbin/haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 & PIDS+=($!)

psql_admin -c "create database $DB" >/dev/null
SERVICE_PORT="$(free_port)"
ADMIN_PASSWORD="walkthrough-admin-$$"
RELEASEGATE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" RELEASEGATE_DB_USER="$PG_USER" \
  RELEASEGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" RELEASEGATE_PORT="$SERVICE_PORT" \
  java -Xmx384m -jar "$JAR" --releasegate.traffic.connections.edge.adapter=haproxy \
  --releasegate.traffic.connections.edge.settings.address="unix:$WORK/admin.sock" >"$WORK/service.log" 2>&1 & PIDS+=($!)
SERVICE_PID=$!
for _ in $(seq 1 360); do
  curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service.log"; echo "the service died" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null || { echo "the service is not ready" >&2; exit 1; }
for _ in $(seq 1 20); do [ "$(curl -s "http://127.0.0.1:$FRONTEND_PORT/")" = 1.4.2 ] && break; sleep 0.25; done
echo "service on port $SERVICE_PORT, HAProxy on port $FRONTEND_PORT, admin socket $WORK/admin.sock"

# the README's bash blocks of the two sections, as written there
section() { awk -v from="$1" -v to="$2" '$0 ~ from {f=1} f && $0 ~ to && $0 !~ from {f=0} f' "$ROOT/README.md" \
  | awk '/^```bash/{b=1; next} /^```/{b=0} b'; }
section '^## Releases$' '^## ' >"$WORK/releases.sh"
section '^### A canary with curl' '^##' >"$WORK/canary.sh"
[ -s "$WORK/releases.sh" ] && [ -s "$WORK/canary.sh" ] || { echo "README sections not found" >&2; exit 1; }

cat >"$WORK/checks.sh" <<'CHECKS'
set +v
echo "== checks"
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }
view=$(curl -s -H "Authorization: Bearer $ERIN" $BASE/api/v1/releases/$RELEASE)
[ "$(jq -r .status <<<"$view")" = ROLLED_BACK ] || fail "release status: $view"
[ "$(jq -r .decidedBy <<<"$view")" = maria ] || fail "decided by: $view"
actions=$(curl -s -u "$ADMIN" "$BASE/api/v1/audit?application=checkout&subjectId=$RELEASE" \
  | jq -r '[.items | reverse | .[].action] | join(" ")')
expected="release.requested release.approval-given release.check-attested release.approved release.started"
expected="$expected release.step-reached release.paused release.resumed release.step-reached release.completed"
expected="$expected release.rollback-started release.stepped-back release.rolled-back"
[ "$actions" = "$expected" ] || fail "audit actions of the release: $actions"
answers=$(for _ in $(seq 1 20); do curl -s "http://127.0.0.1:$FRONTEND_PORT/"; echo; done | sort | uniq -c | xargs)
[ "$answers" = "20 1.4.2" ] || fail "answers through HAProxy after the rollback: $answers"
curl -s -u "$ADMIN" $BASE/api/v1/audit/verify | jq -e '.valid' >/dev/null || fail "audit chain"
echo "every README command answered without an HTTP error; release ROLLED_BACK by maria; audit in order;"
echo "HAProxy serves 1.4.2 only ($answers); audit chain valid"
CHECKS

echo "== replaying the README"
# curl fails on any HTTP error; a pipeline fails with it; the whole replay is bounded in time
export BASE="http://127.0.0.1:$SERVICE_PORT" RELEASEGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  HAPROXY_ADMIN="unix:$WORK/admin.sock" FRONTEND_PORT
timeout 600 bash -c '
  set -euo pipefail
  curl() { command curl --fail-with-body "$@"; }
  set -v
  source "$1"; source "$2"; source "$3"
' walkthrough "$WORK/releases.sh" "$WORK/canary.sh" "$WORK/checks.sh"
echo "== README walkthrough passed"
