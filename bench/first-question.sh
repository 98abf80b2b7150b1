#!/usr/bin/env bash
# The first question after a start against the 30 after it (FirstQuestionBenchmark), each mode in a fresh
# JVM as after a restart: "warmed at start" is what the application does (KnowledgeLibrary.warmUp at
# start-up and at a launch), "not warmed" lets the first question load everything. The first run writes
# the evaluation set's embedded passages to adapters-ai/target/first-question-corpus.bin. About 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(uptime | sed 's/.*load average/load average/')"
run() {
  ./mvnw -q -B -ntp -pl domain,application,adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
    -Dtest=FirstQuestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 \
    | grep -e 'first question' -e 'corpus written' || true
}
[ -f adapters-ai/target/first-question-corpus.bin ] || run
for round in 1 2; do
  run -Dsuhbat.warm=true
  run -Dsuhbat.warm=false
done
echo "# done at $(date -u '+%H:%M UTC'), load: $(uptime | sed 's/.*load average/load average/')"
