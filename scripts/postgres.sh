#!/usr/bin/env bash
# A private PostgreSQL on loopback for run.sh and test.sh, apart from any system cluster (its own data
# directory, port and socket directory). Source it; it defines functions only.
#
#   postgres_start DATA_DIR PORT  installs the Debian package `postgresql` if needed, creates the cluster
#                                 in DATA_DIR when it is empty, starts it on 127.0.0.1:PORT (unless it
#                                 already runs) and makes sure database `configcluster` exists, owned by
#                                 user `configcluster` (password `configcluster`). Then sets:
#                                   POSTGRES_URL        postgresql://configcluster:configcluster@127.0.0.1:PORT/configcluster
#                                   POSTGRES_ADMIN_URL  postgresql://postgres@127.0.0.1:PORT/postgres (superuser)
#   postgres_stop DATA_DIR        stops it (fast shutdown); does nothing when it is not running.
#
# Authentication: `postgres` is trusted on 127.0.0.1 and on the socket in DATA_DIR; every other user
# gives its password (scram-sha-256). As root, the server runs as the OS user `postgres` (initdb and
# postgres refuse root), so DATA_DIR is chowned to it and its parents must be searchable by it.
# The server log is DATA_DIR/server.log.

# _postgres_bin_dir: where initdb, pg_ctl, pg_isready and psql live (Debian keeps them off PATH).
_postgres_bin_dir() {
  local found dir
  if found=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$found")"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

_postgres_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian package postgresql" >&2
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# _postgres_as_owner CMD...: runs CMD as the cluster's owner (`postgres` when we are root).
_postgres_as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

# _postgres_prepare_dir DATA_DIR: creates it, owned by the cluster's owner, mode 700.
_postgres_prepare_dir() {
  local data_dir=$1
  mkdir -p "$data_dir" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres: OS user 'postgres' not found" >&2; return 1; }
    chown postgres:postgres "$data_dir" || return 1
  fi
  chmod 700 "$data_dir"
  if ! _postgres_as_owner test -w "$data_dir"; then
    echo "postgres: $data_dir is not reachable by the postgres OS user (make its parents searchable)" >&2
    return 1
  fi
}

# _postgres_init BIN DATA_DIR: a new cluster with superuser `postgres` and loopback-only access rules.
_postgres_init() {
  local bin=$1 data_dir=$2
  if [ -n "$(ls -A "$data_dir")" ]; then
    echo "postgres: $data_dir is neither empty nor a PostgreSQL data directory" >&2
    return 1
  fi
  local output
  if ! output=$(_postgres_as_owner "$bin/initdb" -D "$data_dir" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 2>&1); then
    echo "$output" >&2
    return 1
  fi
  _postgres_as_owner sh -c "cat >'$data_dir/pg_hba.conf'" <<'HBA'
# Written by scripts/postgres.sh: loopback only.
local all all                 trust
host  all postgres 127.0.0.1/32 trust
host  all all      127.0.0.1/32 scram-sha-256
HBA
}

# _postgres_ensure_database BIN PORT: role and database `configcluster`, created once.
_postgres_ensure_database() {
  local bin=$1 port=$2
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres >/dev/null <<'SQL'
SELECT 'CREATE ROLE configcluster LOGIN PASSWORD ''configcluster'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'configcluster') \gexec
SELECT 'CREATE DATABASE configcluster OWNER configcluster'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'configcluster') \gexec
SQL
}

# _postgres_wait_ready BIN PORT [SECONDS]
_postgres_wait_ready() {
  local bin=$1 port=$2 deadline=$((SECONDS + ${3:-30}))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
    if ((SECONDS >= deadline)); then
      echo "postgres: not ready on 127.0.0.1:$port after ${3:-30} s" >&2
      return 1
    fi
    sleep 0.2
  done
}

postgres_start() {
  local data_dir port bin
  [ $# -eq 2 ] || { echo "usage: postgres_start DATA_DIR PORT" >&2; return 2; }
  data_dir=$(realpath -m "$1") port=$2
  if ! bin=$(_postgres_bin_dir); then
    _postgres_install && bin=$(_postgres_bin_dir) || { echo "postgres: initdb not found" >&2; return 1; }
  fi
  _postgres_prepare_dir "$data_dir" || return 1
  if [ ! -s "$data_dir/PG_VERSION" ]; then
    _postgres_init "$bin" "$data_dir" || return 1
  fi
  if ! _postgres_as_owner "$bin/pg_ctl" status -D "$data_dir" >/dev/null 2>&1; then
    if ! _postgres_as_owner "$bin/pg_ctl" start -D "$data_dir" -w -t 60 -s -l "$data_dir/server.log" \
      -o "-p $port -k '$data_dir' -c listen_addresses=127.0.0.1" >/dev/null; then
      echo "postgres: could not start on 127.0.0.1:$port; see $data_dir/server.log" >&2
      tail -n 5 "$data_dir/server.log" >&2 2>/dev/null
      return 1
    fi
  fi
  _postgres_wait_ready "$bin" "$port" 30 || return 1
  _postgres_ensure_database "$bin" "$port" || return 1
  POSTGRES_URL="postgresql://configcluster:configcluster@127.0.0.1:$port/configcluster"
  POSTGRES_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

postgres_stop() {
  local data_dir bin
  [ $# -eq 1 ] || { echo "usage: postgres_stop DATA_DIR" >&2; return 2; }
  data_dir=$(realpath -m "$1")
  [ -f "$data_dir/postmaster.pid" ] || return 0
  bin=$(_postgres_bin_dir) || return 1
  _postgres_as_owner "$bin/pg_ctl" stop -D "$data_dir" -m fast -w -t 60 -s >/dev/null
}
