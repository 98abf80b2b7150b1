#!/usr/bin/env bash
# Chat streaming: time to first token added by Suhbat over the fake upstream, and 500 answers at once
# (StreamingBenchmark, in-JVM; docs/benchmarks.md "Chat streaming"). Add JFR=true for recordings.
# The `benchmark` JUnit tag is excluded by the build (pom.xml, suhbat.excludedGroups); this lifts it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -B -ntp -pl bootstrap -am verify -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=StreamingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsuhbat.benchmark.jfr="${JFR:-false}"
echo "# results also in bootstrap/target/benchmark-streaming.txt; done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
