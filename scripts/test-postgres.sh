#!/usr/bin/env bash
# Runs the sertel-server tests on SQLite AND on a real, throw-away PostgreSQL cluster.
#   bash scripts/test-postgres.sh [extra cargo test arguments]
# Installs PostgreSQL if it is absent (Debian, as root), creates a cluster in a temporary
# directory owned by the `postgres` user (or the current user when not root), listening only on
# 127.0.0.1 at a free port, exports SERTEL_TEST_POSTGRES_URL and runs the tests. With that
# variable set, every server test runs on both databases, and a PostgreSQL failure FAILS it.
# The cluster is stopped and deleted on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_cargo

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
if [ -z "$(pg_bin)" ]; then
  echo "test-postgres: installing PostgreSQL"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql
fi
BIN=$(pg_bin)
[ -x "$BIN/initdb" ] || { echo "test-postgres: no initdb in $BIN" >&2; exit 1; }

PGDIR=$(mktemp -d /tmp/sertel-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PGDIR"
  as_pg() { runuser -u postgres -- "$@"; }
  PGUSER=postgres
else
  as_pg() { "$@"; }
  PGUSER=$(id -un)
fi
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

as_pg "$BIN/initdb" -D "$PGDIR/data" -U "$PGUSER" -A trust -E UTF8 --no-locale >"$PGDIR/initdb.log" 2>&1 \
  || { cat "$PGDIR/initdb.log" >&2; exit 1; }
as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$PGDIR/server.log" >&2; exit 1; }

export SERTEL_TEST_POSTGRES_URL="postgres://$PGUSER@127.0.0.1:$PORT/postgres"
echo "test-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
cargo test -p sertel-server "$@"
