#!/usr/bin/env bash
# Admin statistics and chat text search over one million messages on the embedded MariaDB of the tests
# (StatsBenchmark). Prints each figure beside a reference measured in the same run. About 5-15 minutes.
#   bench/stats.sh                 # 1,000,000 messages
#   MESSAGES=200000 bench/stats.sh # fewer, for a quick look
# The `benchmark` JUnit tag is excluded by the build (pom.xml, suhbat.excludedGroups); this lifts it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -B -ntp -pl adapters-persistence -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=StatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dsuhbat.benchmark.messages=${MESSAGES:-1000000}" \
  | grep -E '^(server|filled|FULLTEXT|statistics|chat text|other admin|  |\[INFO\] Tests run|\[ERROR\])' || true
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
