#!/usr/bin/env bash
# Memory when idle: resident memory (RSS) of the application's JVM and of its embedded MariaDB, each
# started in a fresh data folder under bootstrap/target, measured IDLE seconds (default 30) after
# /actuator/health answers UP. Two starts of the same jar, one after the other:
#   reference: java -jar with the JVM's defaults (what `java -jar suhbat.jar` gives)
#   run.sh:    the JVM options ./run.sh starts with (.mvn/jvm-options.sh)
# and the ratio of the two. The embedded server's settings are the same in both (EmbeddedDatabase).
#   bench/memory.sh                 # both
#   ONLY=run.sh bench/memory.sh     # just the ./run.sh way
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/find-jdk.sh
suhbat_find_jdk
. ./.mvn/jvm-options.sh
[ -f bootstrap/target/suhbat.jar ] || ./mvnw -B -ntp -q -DskipTests package
idle=${IDLE:-30}
port=${SERVER_PORT:-18091}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

measure() {
  local label=$1; shift
  local work pid db t0 java_kb db_kb
  work=$(mktemp -d "$PWD/bootstrap/target/bench-memory.XXXXXX")
  t0=$(date +%s)
  SERVER_PORT=$port EMBEDDED_DB_DIR="$work/mysql" EMBEDDED_DB_PORT=0 FILES_DIR="$work/file" ADMIN_PASSWORD=bench-admin-password \
    "$JAVA_HOME/bin/java" "$@" -jar bootstrap/target/suhbat.jar >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app died, see $work/app.log" >&2; exit 1; fi
    if [ $(( $(date +%s) - t0 )) -gt 600 ]; then echo "no health UP after 600 s, see $work/app.log" >&2; kill "$pid"; exit 1; fi
    sleep 0.5
  done
  sleep "$idle"
  db=$(pgrep -P "$pid" -f mariadbd | head -1)
  java_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  db_kb=$(ps -o rss= -p "$db" | tr -d ' ')
  local heap
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -E 'total|garbage-first|def new|tenured' | head -2 | tr -s ' ' | tr '\n' ';')
  printf '%-10s app %4d MB + database %4d MB = %4d MB resident, %d s idle after health UP (load %s)\n' "$label" $((java_kb / 1024)) \
    $((db_kb / 1024)) $(((java_kb + db_kb) / 1024)) "$idle" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "           heap: $heap"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  total_kb=$((java_kb + db_kb))
}

ref_kb=
if [ "${ONLY:-}" != run.sh ]; then
  measure reference
  ref_kb=$total_kb
fi
# shellcheck disable=SC2086
measure run.sh $SUHBAT_JVM_OPTIONS
if [ -n "$ref_kb" ]; then
  echo "ratio run.sh / reference: $(awk -v a="$total_kb" -v b="$ref_kb" 'BEGIN { printf "%.2f", a / b }') (target: 256 MB for both processes)"
fi
