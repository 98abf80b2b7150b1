#!/usr/bin/env bash
# What the embedding runtime (ONNX Runtime + all-MiniLM-L6-v2) adds to a JVM's resident memory, what releasing it
# when idle gives back, and the first question's embedding after a release against one while loaded
# (EmbeddingRuntimeMemoryBenchmark, in a test JVM (surefire's JVM options: the deltas are what count); docs/benchmarks.md, "Memory").
#   bench/embedding-memory.sh                 # the session options the application uses (MiniLmEmbeddings.LEAN_SESSION)
#   SESSION=default bench/embedding-memory.sh # ONNX Runtime's default session options, the reference
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
./mvnw -q -B -ntp -pl domain,application,adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest=EmbeddingRuntimeMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${SESSION:+-Dembedding.session=$SESSION} 2>&1 \
  | grep -v -e '^WARNING' -e '^SLF4J'
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
