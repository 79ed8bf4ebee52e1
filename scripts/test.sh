#!/usr/bin/env bash
# Runs every test of the solution — unit, component, integration and browser — on a fresh machine.
# Installs Chromium (and CJK fonts, so screenshots show Chinese) when it is missing, then prints the real
# counts from the TRX results as the last line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "Chromium not found: installing it for the browser tests (Debian packages chromium, fonts-noto-cjk)…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# The two-instance tests put nginx in front of two portal processes (run by the tests themselves, never as a service).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] && [ -z "${NGINX_PATH:-}" ]; then
  echo "nginx not found: installing it for the two-instance tests (Debian package nginx)…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx >/dev/null
  # Debian's package starts a default site on port 80; the tests run their own nginx.
  $sudo_cmd systemctl disable --now nginx >/dev/null 2>&1 || $sudo_cmd service nginx stop >/dev/null 2>&1 || true
fi

results="$(pwd)/TestResults"
rm -rf "$results"

set +e
dotnet test Channels.sln --configuration Release --logger "trx;LogFileName=results.trx" --results-directory "$results"
status=$?
set -e

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi

echo "${passed} passed, ${failed} failed"
exit "$status"
