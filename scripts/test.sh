#!/usr/bin/env bash
# Runs every test of the solution — unit, component, integration and browser — on a fresh machine.
# Installs Chromium (and CJK fonts, so screenshots show Chinese) when it is missing, then prints the real
# counts from the TRX results as the last line: "N passed, N failed".
# The database-sensitive suites also run on PostgreSQL: the script starts a private cluster for the run
# (scripts/postgres.sh installs Debian's package when missing) and stops it at the end; CHANNELS_TEST_POSTGRES,
# when already set, names a server to use instead. Without PostgreSQL those suites (trait Database=PostgreSql)
# are left out, and the script says so.
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
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx >/dev/null; } ||
    echo "nginx could not be installed."
  # Debian's package starts a default site on port 80; the tests run their own nginx.
  $sudo_cmd systemctl disable --now nginx >/dev/null 2>&1 || $sudo_cmd service nginx stop >/dev/null 2>&1 || true
fi

filter=()
postgres_note=""
if [ -z "${CHANNELS_TEST_POSTGRES:-}" ]; then
  # A cluster of this run's own, on a free port: another run's (or a developer's) cluster is never touched.
  pg_folder="/tmp/channels-test-postgres.$$"
  pg_port=55500
  while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  trap 'bash scripts/postgres.sh stop "$pg_folder" || true; rm -rf "$pg_folder"' EXIT
  if connection=$(bash scripts/postgres.sh start "$pg_folder" "$pg_port"); then
    export CHANNELS_TEST_POSTGRES="$connection"
    echo "PostgreSQL for the PostgreSQL suites: $connection"
  else
    postgres_note="PostgreSQL unavailable: the PostgreSQL suites are skipped (SQLite suites run)"
    echo "$postgres_note"
    filter=(--filter "Database!=PostgreSql")
  fi
else
  echo "PostgreSQL for the PostgreSQL suites: CHANNELS_TEST_POSTGRES=$CHANNELS_TEST_POSTGRES"
fi

# Without nginx the two-instance tests cannot stand up their load balancer: they are left out, and the script says so.
nginx_note=""
if [ ${#filter[@]} -eq 0 ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] && [ -z "${NGINX_PATH:-}" ]; then
  nginx_note="nginx unavailable: the two-instance tests are skipped"
  echo "$nginx_note"
  filter=(--filter "FullyQualifiedName!~Portal.Tests.MultiInstance")
fi

results="$(pwd)/TestResults"
rm -rf "$results"

set +e
dotnet test Channels.sln --configuration Release "${filter[@]}" --logger "trx;LogFileName=results.trx" --results-directory "$results"
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

if [ -n "$postgres_note" ]; then echo "$postgres_note"; fi
if [ -n "$nginx_note" ]; then echo "$nginx_note"; fi
echo "${passed} passed, ${failed} failed"
exit "$status"
