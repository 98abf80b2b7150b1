#!/usr/bin/env bash
# Builds Suhbat and starts it on http://localhost:8080 (or SERVER_PORT). With no MYSQL_HOST the
# embedded database starts too, with its data in ./data/mysql. Settings: environment, then .env.
set -euo pipefail
cd "$(dirname "$0")"
. ./.mvn/find-jdk.sh
suhbat_find_jdk
./mvnw -B -ntp -q -DskipTests package
# Start from the extracted jar with a class-data-sharing archive that the JVM writes on the first
# run and reuses afterwards: warm starts take about half the time (docs/benchmarks.md).
# Re-extract only when the jar changed: the archive is valid only for the files it was made from.
app=bootstrap/target/app
sum=$(sha256sum bootstrap/target/suhbat.jar | cut -d' ' -f1)
if [ "$(cat "$app/.jar-sha256" 2>/dev/null)" != "$sum" ]; then
  rm -rf "$app"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar bootstrap/target/suhbat.jar extract --destination "$app" >/dev/null
  echo "$sum" > "$app/.jar-sha256"
fi
mkdir -p data
exec "$JAVA_HOME/bin/java" -XX:SharedArchiveFile=data/suhbat.jsa -XX:+AutoCreateSharedArchive -jar "$app/suhbat.jar" "$@"
