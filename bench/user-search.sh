#!/usr/bin/env bash
# A user's search of their own chats (GET /api/search: JooqChatSearch) for a user with 10,000 messages,
# among 200,000 messages of other users, on the embedded MariaDB of the tests (ChatSearchBenchmark).
# Prints the median of 9 runs per query. About 3-5 minutes on a loaded 2-core machine.
# The `benchmark` JUnit tag is excluded by the build (pom.xml, suhbat.excludedGroups); this lifts it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -q -B -ntp -pl adapters-persistence -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=ChatSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -v -E '^\[main\] (INFO|WARN)'
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
