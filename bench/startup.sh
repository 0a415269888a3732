#!/usr/bin/env bash
# Start to ready: time from launching the packaged service until /actuator/health/readiness
# answers UP, and its resident memory then, on a database whose schema already exists.
# Three ways of launching, interleaved so that machine load hits them alike:
#   jar        java -jar releasegate.jar (Java 17)
#   cds        the extracted jar with a CDS archive from a training run (Java 17)
#   aot-cache  the extracted jar with a Java 25 AOT cache (JEP 483/514), if Java 25 is installed
# Usage: bench/startup.sh [runs per way]   (default 5)
source "$(dirname "$0")/common.sh"
RUNS="${1:-5}"
JAVA17="${JAVA17:-java}"
JAVA25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"

package_service
create_database
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
export RELEASEGATE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" RELEASEGATE_DB_USER="$PG_USER" \
  RELEASEGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" RELEASEGATE_PORT="$PORT"

echo "== extracting the jar and training run(s) (the first also creates the schema)"
"$JAVA17" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP="$WORK/app/$(basename "$JAR")"
"$JAVA17" -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$APP" >"$WORK/train-cds.log" 2>&1
WAYS="jar cds"
if [ -x "$JAVA25" ]; then
  "$JAVA25" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$APP" >"$WORK/train-aot.log" 2>&1
  WAYS="jar cds aot-cache"
else
  echo "(no Java 25 at $JAVA25: the AOT cache is left out)"
fi

launch() {
  case "$1" in
    jar) exec "$JAVA17" -Xmx384m -jar "$JAR" ;;
    cds) exec "$JAVA17" -Xmx384m -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP" ;;
    aot-cache) exec "$JAVA25" -Xmx384m -XX:AOTCache="$WORK/app.aot" -jar "$APP" ;;
  esac
}

declare -A TIMES RSS
for run in $(seq 1 "$RUNS"); do
  for way in $WAYS; do
    start=$(date +%s%N)
    launch "$way" >"$WORK/service.log" 2>&1 &
    SERVICE_PID=$!
    until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
      if ! kill -0 "$SERVICE_PID" 2>/dev/null; then tail -n 30 "$WORK/service.log"; echo "service died ($way)"; exit 1; fi
      sleep 0.05
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(( $(ps -o rss= -p "$SERVICE_PID") / 1024 ))
    TIMES[$way]+="$ms "
    RSS[$way]+="$rss "
    printf '  run %d %-9s ready after %6d ms, RSS %4d MB (load %s)\n' "$run" "$way" "$ms" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | tail -n 1; }
echo "== start to ready over $RUNS runs (budget: under 10 s; RSS under 512 MB)"
for way in $WAYS; do
  printf '  %-9s median %6d ms, max %6d ms; RSS median %4d MB\n' "$way" "$(median "${TIMES[$way]}")" \
    "$(maximum "${TIMES[$way]}")" "$(median "${RSS[$way]}")"
done
