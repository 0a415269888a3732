#!/usr/bin/env bash
# Start to exit of trafficctl: `--version` (no network) and `get-weight` against a running
# service (an application with two deployments behind an in-process "pull" binding), for
#   jar       java -jar target/trafficctl.jar (Java 17 defaults)
#   launcher  bin/trafficctl (client compiler, serial GC, the CDS archive it makes once)
#   aot       Java 25 with an AOT cache from `trafficctl warm-up`, if Java 25 is installed
# Each way is run interleaved with the others, RUNS times after one warm-up; medians in ms.
# Usage: bench/trafficctl.sh [runs]   (default 10)
source "$(dirname "$0")/common.sh"
RUNS="${1:-10}"
JAVA25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
CLI="$ROOT/target/trafficctl.jar"
[ -f "$CLI" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)

package_service
create_database
start_service
admin_post /api/v1/applications '{"name":"myapp","displayName":"My app","owners":[]}' >/dev/null
for v in 1 2; do
  admin_post /api/v1/deployments "{\"application\":\"myapp\",\"environment\":\"production\",\"version\":\"$v.0.0\",\"endpoint\":\"myapp-v$v\"}" >/dev/null
done
curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X PUT \
  "$BASE/api/v1/applications/myapp/environments/production/binding" \
  -d '{"adapter":"pull","settings":{"key":"bench-myapp"}}' >/dev/null
curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X PUT \
  "$BASE/api/v1/applications/myapp/environments/production/traffic" -d '{"split":{"1.0.0":100}}' >/dev/null
TOKEN=$(curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/tokens" \
  -d '{"name":"bench","expiresInDays":1}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
export TRAFFICCTL_URL="$BASE" TRAFFICCTL_TOKEN="$TOKEN" XDG_CONFIG_HOME="$WORK/config"

# the launcher and its archive in a copy, so the archive is made for this jar here
mkdir -p "$WORK/cli/bin" "$WORK/cli/target"
cp "$ROOT/bin/trafficctl" "$WORK/cli/bin/" && cp "$CLI" "$WORK/cli/target/"
"$WORK/cli/bin/trafficctl" --version >/dev/null
WAYS="jar launcher"
if [ -x "$JAVA25" ]; then
  "$JAVA25" -XX:AOTCacheOutput="$WORK/cli.aot" -Xlog:aot=off -jar "$CLI" warm-up >/dev/null 2>&1
  WAYS="jar launcher aot"
fi
echo "get-weight answers: $("$WORK/cli/bin/trafficctl" get-weight myapp)"

launch() {
  case "$1" in
    jar) java -jar "$CLI" "${@:2}" ;;
    launcher) "$WORK/cli/bin/trafficctl" "${@:2}" ;;
    aot) "$JAVA25" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCache="$WORK/cli.aot" -Xlog:aot=off -jar "$CLI" "${@:2}" ;;
  esac
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'; }

for command in "--version" "get-weight myapp"; do
  declare -A TIMES=()
  for way in $WAYS; do launch "$way" $command >/dev/null; done
  for run in $(seq 1 "$RUNS"); do
    for way in $WAYS; do
      start=$(date +%s%N)
      launch "$way" $command >/dev/null || { echo "trafficctl $command failed ($way)"; exit 1; }
      TIMES[$way]+="$(( ($(date +%s%N) - start) / 1000000 )) "
    done
  done
  for way in $WAYS; do
    printf 'trafficctl %-16s %-9s median %5d ms  (runs: %s)\n' "$command" "$way" "$(echo "${TIMES[$way]}" | median)" "${TIMES[$way]}"
  done
done
