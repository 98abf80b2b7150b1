# The JVM options ./run.sh starts Suhbat with (and bench/memory.sh measures); JAVA_OPTS replaces them.
# Sized for a small server (docs/benchmarks.md, "Memory"): the JVM's defaults follow the machine's RAM
# (a first heap of 1/64 of it, G1's structures for a heap of up to a quarter) rather than the app's needs.
#   -XX:+UseSerialGC      one collector thread and no remembered sets: the heap is small and the pauses short
#   -Xms16m, heap ratios  start small, grow when needed, give memory back after a collection (the application collects
#                         once 5 s after start-up: CollectAfterStart). MaxHeapFreeRatio=20 with NewRatio=3 saved 11 MB
#                         idle but made sustained streaming worse in two runs (docs/benchmarks.md, "Session 7: memory"): not used
#   -XX:NewRatio=4        the young generation a fifth of the heap, not a third: its eden is all resident once used, so
#                         idle 248 MB (three runs) against 254-264 MB with the default; under sustained streaming twice as
#                         many young collections, each shorter, the p95 unchanged (docs/benchmarks.md, "Session 12")
#   -Xss512k              stacks of platform threads (answers stream on virtual threads)
#   -XX:MaxDirectMemorySize=64m  a bound for what was sized for large machines
#   -XX:ReservedCodeCacheSize=128m -XX:SweeperThreshold=50  the compiled code's space (reserved, not resident: idle 334-335
#                           MB as with 64m) and when new code triggers a collection to unload old code: with 64m and the
#                           default threshold (15 % of it, scaled down by the free share once past it) every few MB of new
#                           code under load forced a FULL collection of the whole heap (3-4 of 0.2-0.9 s in each sustained
#                           streaming run, each one queueing every chat that arrived meanwhile); with these, none
#                           (docs/benchmarks.md, "Session 7: sustained streaming load")
#   -XX:-ShrinkHeapInSteps  a full collection gives free heap back at once, not over several (reading a PDF grows the
#                           heap by ~150 MB; the application collects once after a document is read)
#   -XX:TrimNativeHeapInterval=10000  every 10 s the JVM asks the C allocator (malloc_trim) to give free pages back: what
#                           the compilers, start-up and the embedding runtime freed stays resident otherwise (idle: 270
#                           against 296 MB for the app; docs/benchmarks.md, "Session 6: memory")
#   -XX:+UseCompactObjectHeaders  (JDK 25 and newer only, where it is a product option; JDK 21-24 start without it)
#                           8-byte object headers instead of 12: a smaller heap and class space (docs/benchmarks.md,
#                           "Session 8: memory")
#   -XX:SoftRefLRUPolicyMSPerMB=0  a softly reachable object (caches of reflection data, Spring's metadata caches) is kept
#                           through a collection only when it was used since the last one: with the default (1 s per MB of
#                           free heap, and this machine's free heap counts in GB) they stayed for hours; idle after start-up
#                           about 3 MB less live heap, 3-4 MB resident (docs/benchmarks.md, "Session 9: memory when idle")
#   -Djdk.util.jar.version=21  multi-release jars are read as on JDK 21: Spring 7 reads class files on JDK 24+ with the JDK's
#                           class-file API, and the bean definitions keep those class models (their constant pools) for the
#                           life of the process; read as on JDK 21 (Spring's ASM reader, as on the JDK 21 this project supports)
#                           about 3 MB less live heap, 5 MB less heap committed (docs/benchmarks.md, "Session 9: memory when idle")
# and MALLOC_ARENA_MAX=2: at most two C allocator arenas instead of eight per core, which the embedding runtime's
# threads would each fill and keep (docs/benchmarks.md, "Session 5: with a launched 300-page PDF model").
# the JDK's feature version: find-jdk.sh's when it ran, else that of $JAVA_HOME's (or the PATH's) java
suhbat_jvm_major=${SUHBAT_JAVA_MAJOR:-$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//' | head -n1)}
suhbat_jvm_headers=
case "$suhbat_jvm_major" in ''|*[!0-9]*) ;; *) [ "$suhbat_jvm_major" -ge 25 ] && suhbat_jvm_headers=" -XX:+UseCompactObjectHeaders" ;; esac
SUHBAT_JVM_OPTIONS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:NewRatio=4 -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=128m -XX:SweeperThreshold=50 -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=10000 -XX:SoftRefLRUPolicyMSPerMB=0 -Djdk.util.jar.version=21$suhbat_jvm_headers"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
