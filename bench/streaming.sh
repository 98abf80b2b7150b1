#!/usr/bin/env bash
# Chat streaming measured from outside (OutsideStreamingBenchmark; docs/benchmarks.md "Chat streaming from
# outside"): builds the jar, starts it as a process of its own with ./run.sh's JVM options, and drives it over
# HTTP from the test JVM (the fake upstream, the mail server, the clients), a new connection per request:
#   1. time to first token added by Suhbat, each new chat interleaved with the upstream alone;
#   2. RATE new chats per second (default 50) for DURATION seconds (default 40), each answer streaming 20 s: errors,
#      added time to first token, the app's memory per open answer, CPU per chat and collections (jstat).
#   bench/streaming.sh                  # as above
#   RATE=20 DURATION=30 bench/streaming.sh
#   DURATION=0 bench/streaming.sh       # only the time to first token
#   COMPARE=/tmp/before.jar DURATION=0 bench/streaming.sh
#                                       # the time to first token of this tree's jar (A) and another jar (B) side by side: both
#                                       # run at once, each round asks the upstream alone and both apps (order alternating)
#   COMPARE=bootstrap/target/suhbat.jar COMPARE_OPTIONS="-Dsome.setting=x" DURATION=0 bench/streaming.sh
#                                       # one jar against itself with B's own further JVM options (a setting compared)
#   JAR=/tmp/some.jar bench/streaming.sh  # that jar instead of building this tree's
#   WARMUP=500 SEQUENTIAL=300           # warm-up pairs and measured pairs of the time to first token
#   SUSTAINED_WARMUP=30                 # that many seconds of the sustained load before its measured part (default 0)
#   bench/streaming.sh in-jvm           # the older in-JVM benchmark (StreamingBenchmark; JFR=true records)
# The `benchmark` JUnit tag is excluded by the build unless a test is named (pom.xml, profile named-tests).
set -euo pipefail
cd "$(dirname "$0")/.."
# the JDK the app runs on decides its options (compact object headers on 25 and newer): the same as ./run.sh
. ./.mvn/find-jdk.sh
suhbat_find_jdk
. ./.mvn/jvm-options.sh
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = in-jvm ]; then
  ./mvnw -B -ntp -q -pl bootstrap -am verify -Dtest=StreamingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsuhbat.benchmark.jfr="${JFR:-false}" | grep -v -E '^\[main\] (INFO|WARN)' || true
  echo "# results also in bootstrap/target/benchmark-streaming.txt; done at $(date -u '+%H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit
fi
# JAR and COMPARE are read from the project's folder (the benchmark itself runs in bootstrap/)
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -ntp -q -DskipTests package
  JAR=bootstrap/target/suhbat.jar
fi
JAR=$(absolute "$JAR")
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
if [ -n "${COMPARE:-}" ]; then
  COMPARE=$(absolute "$COMPARE")
  [ -f "$COMPARE" ] || { echo "no jar at $COMPARE" >&2; exit 1; }
fi
./mvnw -B -ntp -q -pl bootstrap -am test -Dtest=OutsideStreamingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsuhbat.benchmark.rate="${RATE:-50}" -Dsuhbat.benchmark.seconds="${DURATION:-40}" \
  -Dsuhbat.benchmark.sustainedWarmup="${SUSTAINED_WARMUP:-0}" \
  -Dsuhbat.benchmark.warmup="${WARMUP:-500}" -Dsuhbat.benchmark.sequential="${SEQUENTIAL:-300}" \
  -Dsuhbat.benchmark.compare="${COMPARE:-}" -Dsuhbat.benchmark.compareOptions="${COMPARE_OPTIONS:-}" -Dsuhbat.benchmark.jar="$JAR" \
  -Dsuhbat.benchmark.jvmOptions="$SUHBAT_JVM_OPTIONS" | grep -v -E '^\[main\] (INFO|WARN)' || true
echo "# results also in bootstrap/target/benchmark-streaming-outside.txt; done at $(date -u '+%H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
