#!/usr/bin/env bash
# Builds Suhbat and starts it on http://localhost:8080 (or SERVER_PORT). With no MYSQL_HOST the
# embedded database starts too, with its data in ./data/mysql. Settings: environment, then .env.
set -euo pipefail
cd "$(dirname "$0")"
. ./.mvn/find-jdk.sh
suhbat_find_jdk
# the JVM options for a small server (SUHBAT_JVM_OPTIONS; JAVA_OPTS replaces them; docs/benchmarks.md, "Memory")
. ./.mvn/jvm-options.sh
# Build only when a source is newer than the jar (a fresh clone, a pull, an edit): a start with
# nothing changed goes straight to the JVM (docs/benchmarks.md, "Start-up").
jar=bootstrap/target/suhbat.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src .mvn -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building Suhbat..."
  ./mvnw -B -ntp -q -DskipTests package
  touch "$jar"
fi
# Start from the extracted jar with the JVM's start-up cache for it: made once, then reused, warm
# starts take about half the time (docs/benchmarks.md). JDK 25 and newer: an ahead-of-time cache
# (classes loaded and linked, method profiles) from a training run that stops once the app is
# built. JDK 21-24: a class-data-sharing archive that the JVM writes when the first run ends.
# Re-extract only when the jar changed (its size and time): a cache is valid only for the files it was made from.
app=bootstrap/target/app
sum=$(stat -c '%s-%Y' "$jar")
mkdir -p data
if [ "$(cat "$app/.jar-sha256" 2>/dev/null)" != "$sum" ]; then
  rm -rf "$app" data/suhbat.jsa data/suhbat-*.aot
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  echo "$sum" > "$app/.jar-sha256"
fi
major=$(suhbat_java_major "$JAVA_HOME/bin/java")
if [ "$major" -ge 25 ]; then
  # one cache per set of JVM options: a cache made with other options (another collector) would not be used
  aot="data/suhbat-$major-$(printf %s "$SUHBAT_JVM_OPTIONS" | cksum | cut -d" " -f1).aot"
  if [ ! -f "$aot" ]; then
    echo "Preparing the start-up cache (first start only, about 20 s more)..."
    if ! "$JAVA_HOME/bin/java" $SUHBAT_JVM_OPTIONS -XX:AOTCacheOutput="$aot" -Dspring.context.exit=onRefresh -jar "$app/suhbat.jar" "$@" \
        >data/aot-training.log 2>&1; then
      echo "The start-up cache could not be made (see data/aot-training.log); starting without it." >&2
      rm -f "$aot"
    fi
  fi
  if [ -f "$aot" ]; then
    exec "$JAVA_HOME/bin/java" $SUHBAT_JVM_OPTIONS -XX:AOTCache="$aot" -jar "$app/suhbat.jar" "$@"
  fi
  exec "$JAVA_HOME/bin/java" $SUHBAT_JVM_OPTIONS -jar "$app/suhbat.jar" "$@"
fi
exec "$JAVA_HOME/bin/java" $SUHBAT_JVM_OPTIONS -XX:SharedArchiveFile=data/suhbat.jsa -XX:+AutoCreateSharedArchive -jar "$app/suhbat.jar" "$@"
