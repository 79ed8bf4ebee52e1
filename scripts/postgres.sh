#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests (or a local try-out) and prints its connection string.
#   scripts/postgres.sh start [folder] [port]   installs Debian's postgresql when missing, creates the cluster in
#                                               folder (default /tmp/channels-postgres) and starts it on port (55432)
#   scripts/postgres.sh stop  [folder]          stops it
# The cluster trusts local connections (user postgres, no password) and listens on 127.0.0.1 only.
set -euo pipefail

action="${1:-start}"
folder="${2:-/tmp/channels-postgres}"
port="${3:-55432}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

if [ "$action" = "stop" ]; then
  bin="$(find_bin)" || exit 0
  if [ -f "$folder/data/postmaster.pid" ]; then
    as_postgres "'$bin/pg_ctl' -D '$folder/data' -m fast -w stop" >/dev/null || true
  fi
  exit 0
fi

if ! bin="$(find_bin)"; then
  echo "PostgreSQL not found: installing it (Debian package postgresql)…" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin)"
fi

mkdir -p "$folder"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$folder"; fi
if [ ! -f "$folder/data/PG_VERSION" ]; then
  as_postgres "'$bin/initdb' -D '$folder/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if [ ! -f "$folder/data/postmaster.pid" ]; then
  # Tests create and drop many databases and open many connections; durability is the engine's default.
  as_postgres "'$bin/pg_ctl' -D '$folder/data' -l '$folder/server.log' -w -o \"-p $port -k '$folder' -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB\" start" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
