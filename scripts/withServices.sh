#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server for the tests that need the real engine, and
# stops it afterwards. TEST_DATABASE_URL, when set, is used as it is. Otherwise Debian's
# PostgreSQL is used (installed with apt-get when missing and run as root); it refuses to run as
# root, so the cluster belongs to the `postgres` user. fsync is off: for test speed only.
#   bash scripts/withServices.sh npm run test:all
set -euo pipefail

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: its tests will not run (they fail under CI=true)" >&2
    return 0
  fi
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  PG_DIR=$(mktemp -d /tmp/sangdam-pg-XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  local port=$((55000 + RANDOM % 1000))
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >"$PG_DIR/initdb.log" 2>&1
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL for the tests on 127.0.0.1:$port"
}

stop_services() {
  if [ -n "${PG_STOP+x}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
}

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  trap stop_services EXIT
  start_postgres
fi
"$@"
