#!/usr/bin/env bash
# Builds Suhbat and starts it on http://localhost:8080 (or SERVER_PORT). With no MYSQL_HOST the
# embedded database starts too, with its data in ./data/mysql. Settings: environment, then .env.
set -euo pipefail
cd "$(dirname "$0")"
. ./.mvn/find-jdk.sh
suhbat_find_jdk
./mvnw -B -ntp -q -DskipTests package
exec "$JAVA_HOME/bin/java" -jar bootstrap/target/suhbat.jar "$@"
