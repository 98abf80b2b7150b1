#!/usr/bin/env bash
# Retrieval quality on the evaluation set (adapters-ai/src/test/resources/eval): recall@1, recall@3,
# MRR and "answer passage sent" per language, the shipped retrieval next to plain BM25.
# Prints the table and writes adapters-ai/target/retrieval-evaluation.md. Usage: bench/retrieval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl adapters-ai -am test -Dgroups=benchmark -Dsuhbat.excludedGroups= \
  -Dtest='RetrievalEvaluationBenchmark' -Dsurefire.failIfNoSpecifiedTests=false
cat adapters-ai/target/retrieval-evaluation.md
