#!/usr/bin/env bash
# Retrieval quality on the evaluation set (adapters-ai/src/test/resources/eval).
#   bench/retrieval.sh            recall@1, recall@3, MRR and "answer passage sent" per language, the
#                                 shipped retrieval next to plain BM25 (adapters-ai/target/retrieval-evaluation.md)
#   bench/retrieval.sh calibrate  the keyword-weight sweep and threshold table that chose the shipped
#                                 numbers (adapters-ai/target/retrieval-calibration.md)
set -euo pipefail
cd "$(dirname "$0")/.."
test=RetrievalEvaluationBenchmark
out=retrieval-evaluation.md
if [ "${1:-}" = calibrate ]; then
  test=RetrievalCalibrationBenchmark
  out=retrieval-calibration.md
fi
./mvnw -B -ntp -q -pl adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false > /dev/null
cat "adapters-ai/target/$out"
