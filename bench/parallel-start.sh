#!/usr/bin/env bash
# Two nodes started at the same moment on an empty database, ten times (ParallelStartBenchmark; issue 12, docs/deployment.md).
# Each round: a new empty database on one MariaDB server, two Suhbat nodes started at once, each in a JVM of its own
# (ChildProcessSuhbat, on the test's class path); a round passes when both
# answer health UP, the admin signs in on each and there is exactly one main admin. ROUNDS=n changes the number of rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -B -ntp -pl bootstrap -am verify -Dgroups=benchmark -Dsuhbat.excludedGroups= -Djacoco.skip=true \
  -Dtest=ParallelStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsuhbat.benchmark.rounds="${ROUNDS:-10}"
echo "# results in bootstrap/target/benchmark-parallel-start.txt; done at $(date -u '+%H:%M UTC')"
