#!/usr/bin/env bash
# Runs every test of Suhbat: unit, adapter (embedded MariaDB, SMTP, fake OpenAI), end-to-end and
# headless-Chromium browser tests. Installs Chromium first when it is missing and we may.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "The browser tests need Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

exec ./mvnw -B -ntp verify "$@"
