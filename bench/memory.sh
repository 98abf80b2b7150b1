#!/usr/bin/env bash
# Memory when idle: resident memory (RSS) of the application's JVM and of its embedded MariaDB, each
# started on a data folder of its own under bootstrap/target that a first start made (and was stopped: the
# measured start is a restart, as every start of a server but its first; FIRST=1 measures the first start,
# which also creates the schema), measured IDLE seconds (default 30) after /actuator/health answers UP.
# Two servers, one after the other:
#   reference: java -jar with the JVM's defaults (what `java -jar suhbat.jar` gives)
#   run.sh:    the JVM options ./run.sh starts with (.mvn/jvm-options.sh)
# and the ratio of the two. The embedded server's settings are the same in both (EmbeddedDatabase).
#   bench/memory.sh                 # both
#   ONLY=run.sh bench/memory.sh     # just the ./run.sh way
#   ONLY=with-pdf PDF=1 bench/memory.sh   # only that one; GC=1: a full collection (jcmd GC.run) after it, before measuring
#   START_TIMEOUT=1200 ...          # seconds to wait for health UP (default 600; a loaded machine needs more)
#   PDF=1 bench/memory.sh           # also: the ./run.sh way with a launched 300-page PDF model (bench/Pdf300.java writes
#                                   # the PDF; the admin uploads it, waits until it is read, launches it; measured IDLE s later,
#                                   # and RELEASE s more when set: the embedding runtime is released after 5 idle minutes)
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

# Starts the jar on the data folder $work (java options as arguments) and waits for health UP; sets pid.
start_app() {
  local label=$1 t0; shift
  t0=$(date +%s)
  # the reference is the JVM's defaults: without the MALLOC_ARENA_MAX that .mvn/jvm-options.sh exports
  [ "$label" = reference ] && arena=(env -u MALLOC_ARENA_MAX) || arena=(env)
  SERVER_PORT=$port EMBEDDED_DB_DIR="$work/mysql" EMBEDDED_DB_PORT=0 FILES_DIR="$work/file" ADMIN_PASSWORD=bench-admin-password \
    "${arena[@]}" "$JAVA_HOME/bin/java" "$@" -jar bootstrap/target/suhbat.jar >>"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app died, see $work/app.log" >&2; exit 1; fi
    if [ $(( $(date +%s) - t0 )) -gt "${START_TIMEOUT:-600}" ]; then echo "no health UP after ${START_TIMEOUT:-600} s, see $work/app.log" >&2; kill "$pid"; exit 1; fi
    sleep 0.5
  done
}

measure() {
  local label=$1; shift
  local work pid db java_kb db_kb
  work=$(mktemp -d "$PWD/bootstrap/target/bench-memory.XXXXXX")
  if [ -z "${FIRST:-}" ]; then
    # a server's every start but its first: the data folder (schema, main admin) made by a first start, which is stopped
    start_app "$label" "$@"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  start_app "$label" "$@"
  if [ "$label" = "with-pdf" ]; then
    launch_pdf_model "$port" "$work" "$pid" || { kill "$pid"; exit 1; }
  fi
  sleep "$idle"
  db=$(pgrep -P "$pid" -f mariadbd | head -1)
  java_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  db_kb=$(ps -o rss= -p "$db" | tr -d ' ')
  local heap
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -E 'total|garbage-first|def new|tenured' | head -2 | tr -s ' ' | tr '\n' ';')
  printf '%-10s app %4d MB + database %4d MB = %4d MB resident, %d s idle after health UP (load %s)\n' "$label" $((java_kb / 1024)) \
    $((db_kb / 1024)) $(((java_kb + db_kb) / 1024)) "$idle" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "           heap: $heap"
  if [ "$label" = "with-pdf" ] && [ -n "${RELEASE:-}" ]; then
    sleep "$RELEASE"
    printf '%-10s app %4d MB + database %4d MB, %d s later (load %s)\n' "" $(($(ps -o rss= -p "$pid") / 1024)) \
      $(($(ps -o rss= -p "$db") / 1024)) "$RELEASE" "$(cut -d' ' -f1-3 /proc/loadavg)"
    # what stays of the released embedding runtime: its native libraries still mapped (none once its class loader is
    # collected), and the classes and metaspace the app holds
    local libraries
    libraries=$(grep -oE 'lib(onnxruntime|onnxruntime4j_jni|tokenizers)\.so' "/proc/$pid/maps" | sort -u | tr '\n' ' ' || true)
    printf '%-10s embedding runtime libraries mapped: %s; %s; metaspace %s\n' "" "${libraries:-none}" \
      "$("$JAVA_HOME/bin/jcmd" "$pid" VM.metaspace 2>/dev/null | grep -oE '[0-9]+ loaders, [0-9]+ classes' | head -1)" \
      "$("$JAVA_HOME/bin/jcmd" "$pid" VM.metaspace 2>/dev/null | grep -E '^Metaspace' | head -1 | sed 's/^Metaspace *//; s/, reserved.*//')"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  total_kb=$((java_kb + db_kb))
}

# Signs the admin in, uploads a 300-page PDF as a model, waits until it is read, launches it and waits for the
# launch's warm-up (passages and embedding runtime loaded, one lookup run).
launch_pdf_model() {
  local port=$1 work=$2 app=$3 base="http://127.0.0.1:$1" jar=$2/cookies csrf id status t0 m2=$HOME/.m2/repository
  local cp
  cp=$(ls "$m2"/org/apache/pdfbox/pdfbox/3.*/pdfbox-3.*.jar | tail -1):$(ls "$m2"/org/apache/pdfbox/pdfbox-io/3.*/pdfbox-io-3.*.jar | tail -1)
  cp=$cp:$(ls "$m2"/org/apache/pdfbox/fontbox/3.*/fontbox-3.*.jar | tail -1):$(ls "$m2"/commons-logging/commons-logging/*/commons-logging-*.jar | tail -1)
  "$JAVA_HOME/bin/java" -cp "$cp" bench/Pdf300.java "$work/book.pdf" 300
  csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/admin/login" | csrf)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=bench-admin-password" \
    --data-urlencode "_csrf=$csrf" "$base/admin/login"
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/admin/models" | csrf)
  id=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -F "name=Book" -F "baseModel=gpt-4o-mini" \
    -F "_csrf=$csrf" -F "file=@$work/book.pdf;type=application/pdf" "$base/admin/models" | sed 's#.*/##')
  case "$id" in ''|*[!0-9]*) echo "the upload was refused (see $work/app.log)" >&2; return 1 ;; esac
  t0=$(date +%s)
  until status=$(curl -fs -b "$jar" "$base/admin/api/models/$id") && echo "$status" | grep -q '"ready":true'; do
    if echo "$status" | grep -q '"failed":true'; then echo "reading the PDF failed: $status" >&2; return 1; fi
    if [ $(( $(date +%s) - t0 )) -gt 1800 ]; then echo "the PDF was not read in 30 minutes" >&2; return 1; fi
    sleep 2
  done
  echo "           300-page PDF read in $(( $(date +%s) - t0 )) s: $(echo "$status" | grep -o '"chunksDone":[0-9]*')"
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/admin/models/$id" | csrf)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" "$base/admin/models/$id/launch"
  # one question tried on the admin's page: the passages are loaded and the question embedded (the embedding runtime
  # loaded), as after a user's first question; no upstream is configured, so no answer is asked for
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/admin/models/$id" | csrf)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "question=Toshkent bozor narx" \
    "$base/admin/models/$id/try"
  if [ -n "${GC:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$app" GC.run >/dev/null 2>&1 || true
  fi
}

ref_kb=
if [ -z "${ONLY:-}" ]; then
  measure reference
  ref_kb=$total_kb
fi
run_kb=
if [ "${ONLY:-}" != with-pdf ]; then
  # shellcheck disable=SC2086
  measure run.sh $SUHBAT_JVM_OPTIONS
  run_kb=$total_kb
fi
if [ -n "${PDF:-}" ]; then
  # shellcheck disable=SC2086
  measure with-pdf $SUHBAT_JVM_OPTIONS
fi
total_kb=$run_kb
if [ -n "$ref_kb" ] && [ -n "$run_kb" ]; then
  echo "ratio run.sh / reference: $(awk -v a="$total_kb" -v b="$ref_kb" 'BEGIN { printf "%.2f", a / b }') (target: 256 MB for both processes)"
fi
