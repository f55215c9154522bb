#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL and Redis for the tests that need the real engines,
# and stops them afterwards. TEST_DATABASE_URL and TEST_REDIS_URL, when set, are used as they are.
# Otherwise Debian's packages are used (installed with apt-get when missing and run as root);
# PostgreSQL refuses to run as root, so its cluster belongs to the `postgres` user. fsync is off
# and Redis keeps nothing on disk: for test speed only.
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

start_redis() {
  if ! command -v redis-server >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Redis from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  if ! command -v redis-server >/dev/null; then
    echo "Redis is not installed: its tests will not run (they fail under CI=true)" >&2
    return 0
  fi
  REDIS_DIR=$(mktemp -d /tmp/sangdam-redis-XXXXXX)
  local port=$((56000 + RANDOM % 1000))
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export TEST_REDIS_URL="redis://127.0.0.1:$port"
  echo "Redis for the tests on 127.0.0.1:$port"
}

stop_services() {
  if [ -n "${PG_STOP+x}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
  if [ -n "${REDIS_DIR:-}" ]; then
    kill "$(cat "$REDIS_DIR/redis.pid" 2>/dev/null)" 2>/dev/null || true
    rm -rf "$REDIS_DIR"
  fi
}

trap stop_services EXIT
[ -z "${TEST_DATABASE_URL:-}" ] && start_postgres
[ -z "${TEST_REDIS_URL:-}" ] && start_redis
"$@"
