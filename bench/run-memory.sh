#!/usr/bin/env bash
# Memory of ./run.sh's own processes when idle (docs/benchmarks.md, top table, "session 9"): starts ./run.sh (its
# extracted jar and, on JDK 25, its start-up cache), waits for /actuator/health UP, idles IDLE seconds (30) and prints the
# resident memory of the JVM and of its embedded MariaDB; N rounds in a row (default 3). bench/memory.sh measures the
# plain jar with the same JVM options instead. Uses ./data of this checkout and SERVER_PORT=38081, as bench/run-again.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/run-start.sh
rounds=${1:-3}
idle=${IDLE:-30}
export SERVER_PORT=${SERVER_PORT:-38081} EMBEDDED_DB_PORT=${EMBEDDED_DB_PORT:-13399} ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  start_run_sh "round $round" || exit 1
  sleep "$idle"
  # ./run.sh execs the JVM, so its process is the JVM once it runs; the database is the JVM's child
  db=$(pgrep -P "$pid" -f mariadbd | head -1)
  app_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  db_kb=$(ps -o rss= -p "$db" | tr -d ' ')
  printf 'round %d: app %d MB + database %d MB = %d MB resident, %d s idle after health UP; start-up cache: %s (load %s)\n' \
    "$round" $((app_kb / 1024)) $((db_kb / 1024)) $(((app_kb + db_kb) / 1024)) "$idle" \
    "$(ls -t data/*.aot data/suhbat.jsa 2>/dev/null | head -1 || true)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null
  rm -f "$log"
  sleep 3
done
