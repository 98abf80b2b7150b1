#!/usr/bin/env bash
# Admin statistics and chat text search over one million messages on the embedded MariaDB of the tests
# (StatsBenchmark). Prints each figure beside a reference measured in the same run. About 10-20 minutes
# on a loaded 2-core machine (filling the million and building the FULLTEXT index take about 3 of them).
#   bench/stats.sh                 # 1,000,000 messages
#   MESSAGES=200000 bench/stats.sh # fewer, for a quick look
#   MESSAGES=10000000 REFERENCE_RUNS=1 BUFFER_POOL_MB=2048 bench/stats.sh  # ten million: slow references timed once, a pool to match
# The `benchmark` JUnit tag is excluded by the build (pom.xml, suhbat.excludedGroups); this lifts it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -q -B -ntp -pl adapters-persistence -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=StatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsuhbat.benchmark.messages="${MESSAGES:-1000000}" -Dsuhbat.benchmark.referenceRuns="${REFERENCE_RUNS:-7}" -Dsuhbat.benchmark.bufferPoolMb="${BUFFER_POOL_MB:-0}" \
  | grep -v -E '^\[main\] (INFO|WARN)'
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
