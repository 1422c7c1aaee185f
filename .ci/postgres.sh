#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the tests against a real server.
#
#   .ci/postgres.sh start   # prints the URL to export as MINUTIER_TEST_PG_URL (stdout); the rest on stderr
#   .ci/postgres.sh stop
#
# start: installs Debian's `postgresql` when its binaries are missing (as root: apt-get), then
# creates a fresh cluster in $MINUTIER_PG_DIR (default /tmp/minutier-pg-PORT; an old one there is
# stopped and removed first), starts it on 127.0.0.1:$MINUTIER_PG_PORT (default 55432) as the
# `postgres` user (or as yourself when not root), and creates the role `minutier` (password
# login, may create databases: each test makes its own) and its database `minutier`.
# Durability is off (fsync, synchronous_commit): the data is thrown away after the run.
# Idempotent: run it again and you get a new, empty server.
set -euo pipefail

PORT=${MINUTIER_PG_PORT:-55432}
ROOT=${MINUTIER_PG_DIR:-/tmp/minutier-pg-$PORT}
DATA=$ROOT/data
ROLE=minutier
PASSWORD=minutier-test
DATABASE=minutier

log() { echo "postgres.sh: $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

pg_bin() { find /usr/lib/postgresql/*/bin -maxdepth 0 -type d 2>/dev/null | sort -V | tail -n 1; }

# Run a command as the server's owner: `postgres` when we are root (PostgreSQL refuses root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_postgresql() {
    if [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; then
        log "PostgreSQL already installed ($("$(pg_bin)/postgres" --version)); nothing to install"
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        log "PostgreSQL is not installed and only root can install it (apt-get install postgresql)"
        return 1
    fi
    local started
    started=$(now)
    log "installing Debian's postgresql (apt-get update && apt-get install -y postgresql)…"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get update -qq >&2 || ! apt-get install -y -qq postgresql >&2; then
        log "apt-get could not install postgresql ($(since "$started") s)"
        return 1
    fi
    log "installed $("$(pg_bin)/postgres" --version) in $(since "$started") s"
}

stop_server() {
    local bin
    bin=$(pg_bin)
    if [ -n "$bin" ] && [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
        log "stopped the server of $ROOT"
    fi
}

start_server() {
    local bin started
    install_postgresql
    bin=$(pg_bin)
    started=$(now)
    stop_server
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { log "no 'postgres' user to run the server as"; return 1; }
        chown postgres: "$ROOT"
    fi
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        log "another server already listens on 127.0.0.1:$PORT; set MINUTIER_PG_PORT to another port"
        return 1
    fi
    as_owner "$bin/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$ROOT/initdb.log" 2>&1 \
        || { log "initdb failed:"; tail -n 5 "$ROOT/initdb.log" >&2; return 1; }
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$ROOT \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >"$ROOT/pg_ctl.log" 2>&1 \
        || { log "the server did not start:"; tail -n 5 "$ROOT/pg_ctl.log" "$ROOT/server.log" >&2; return 1; }
    as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$ROOT" -p "$PORT" -U postgres -d postgres \
        -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" \
        -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
    log "PostgreSQL started on 127.0.0.1:$PORT in $(since "$started") s (cluster, role, database)"
    echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server ;;
    *)
        echo "usage: $0 start|stop" >&2
        exit 2
        ;;
esac
