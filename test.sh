#!/usr/bin/env bash
# Runs every test of Suhbat: unit, adapter (embedded MariaDB, SMTP, fake OpenAI), end-to-end and
# headless-Chromium browser tests. Installs Chromium and the DejaVu fonts first when missing and we may.
set -euo pipefail
cd "$(dirname "$0")"

need=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then need+=(chromium); fi
# the test PDFs that adapters-ai generates (TestPdfs) embed DejaVu Sans for Uzbek and Cyrillic text;
# chat PDF exports bring their own copy on the classpath (adapters-web/src/main/resources/pdf)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} for the tests (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "The tests need: ${need[*]} (apt-get install -y ${need[*]}); or set CHROMIUM_PATH for the browser." >&2
    exit 1
  fi
fi

exec ./mvnw -B -ntp verify "$@"
