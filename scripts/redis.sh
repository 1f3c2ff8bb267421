#!/usr/bin/env bash
# A private Redis for run.sh and test.sh: a redis-server on loopback with its pid, log and working files
# in one directory, never the system service. Source it; it defines functions only.
#
#   redis_start DIR PORT   installs redis-server (Debian package) when missing, starts it on 127.0.0.1:PORT
#                          with no persistence, and waits until it answers PING.
#   redis_stop DIR         stops the redis-server started in DIR, if any.

# redis_install: installs the Debian package redis-server (with redis-cli) when redis-server is not on PATH.
# RUNLEVEL=1 keeps the package's own service from being started by its install script.
redis_install() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian package redis-server"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
    apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null
  command -v redis-server >/dev/null 2>&1 || { echo "redis-server is still not on PATH after installing it" >&2; return 1; }
}

# redis_alive PID: succeeds while PID is a running (not zombie) redis-server process.
redis_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $stat == *"(redis-server)"* ]] || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != "Z" ]
}

# redis_pid DIR: prints the pid of the live redis-server started in DIR; fails when there is none.
redis_pid() {
  local pidfile=$1/redis.pid pid
  [ -s "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && redis_alive "$pid" || return 1
  echo "$pid"
}

# redis_start DIR PORT: starts a private redis-server on 127.0.0.1:PORT and waits until it answers PING.
redis_start() {
  local dir=${1:?redis_start DIR PORT} port=${2:?redis_start DIR PORT}
  redis_install || return 1
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || return 1
  redis_stop "$dir" || return 1
  if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    echo "port $port already answers Redis PING: another redis-server uses it (set another port)" >&2
    return 1
  fi
  rm -f "$dir/redis.log"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || {
    echo "redis-server failed to start (see $dir/redis.log)" >&2
    return 1
  }
  redis_wait "$dir" "$port" 30
}

# redis_wait DIR PORT SECONDS: waits until the redis-server of DIR answers PONG on PORT.
redis_wait() {
  local dir=$1 port=$2 deadline=$((SECONDS + $3))
  until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; do
    if ((SECONDS >= deadline)); then
      echo "timed out waiting for redis-server on 127.0.0.1:$port; last lines of $dir/redis.log:" >&2
      tail -n 20 "$dir/redis.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.1
  done
}

# redis_stop DIR: stops the redis-server started in DIR (TERM, then KILL after 10 s); succeeds when none runs.
redis_stop() {
  local dir=${1:?redis_stop DIR} pid deadline=$((SECONDS + 10))
  pid=$(redis_pid "$dir") || { rm -f "$dir/redis.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  kill -CONT "$pid" 2>/dev/null || true # a frozen (SIGSTOPped) server handles TERM only once resumed
  while redis_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$dir/redis.pid"
}
