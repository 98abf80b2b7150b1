#!/usr/bin/env bash
# Hybrid search speed and heap: one query over 100,000 chunks, and with 1,000,000 chunks loaded in four
# models of 250,000 (KnowledgeBenchmarkTest; docs/benchmarks.md, "PDF models: ingestion and retrieval").
# Prints the median and p95 of 200 hybrid queries next to two references timed in the same run on the same queries:
# vectors only (the int8 scan alone) and the previous scan (session 5's row-by-row int8 loop, over a copy of the first
# model's vectors, with whether it finds the same 16 hits); then queries per second from 1, 2 and 4 threads at once,
# and the heap the index holds per 100,000 chunks. About 2–3 minutes on a quiet machine (building 1,000,000 passages
# takes most of it).
#   bench/knowledge-search.sh        both figures
#   bench/knowledge-search.sh 100k   only the 100,000-chunk one;  bench/knowledge-search.sh 1m   only the million
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  100k) which=oneQueryOver100000Chunks ;;
  1m) which=oneQueryWithAMillionChunksAcrossFourModels ;;
  *) which='oneQuery*' ;;
esac
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -q -B -ntp -pl domain,application,adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest="KnowledgeBenchmarkTest#${which}" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -v -e '^WARNING' -e '^SLF4J'
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
