#!/usr/bin/env bash
# PDF models: ingestion of a 300-page PDF against raw embedding throughput, and one hybrid query over
# 100,000 chunks (KnowledgeBenchmarkTest; docs/benchmarks-knowledge-detail.md). About 3 minutes.
# The `benchmark` JUnit tag is excluded by the build (pom.xml, suhbat.excludedGroups); this lifts it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -q -B -ntp -pl domain,application,adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=KnowledgeBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
