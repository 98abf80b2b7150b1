#!/usr/bin/env bash
# Times ./run.sh from launch until /actuator/health answers UP, N times in a row (default 3), and says
# whether each start invoked a Maven build ("Building Suhbat..."). The first start after a change builds;
# the later ones, with nothing changed, should not. Uses ./data of this checkout and SERVER_PORT=38081.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/run-start.sh
rounds=${1:-3}
export SERVER_PORT=${SERVER_PORT:-38081} EMBEDDED_DB_PORT=${EMBEDDED_DB_PORT:-13399} ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
for round in $(seq 1 "$rounds"); do
  t0=$(date +%s%N)
  start_run_sh "run $round" || exit 1
  t1=$(date +%s%N)
  echo "run $round: $(( (t1 - t0) / 1000000 )) ms to health UP; Maven invoked: $(grep -c 'Building Suhbat' "$log"); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null
  rm -f "$log"
  sleep 3
done
