#!/usr/bin/env bash
# Keeps a process running for run.sh. Source it; it defines functions only.
#
#   supervise NAME LOG PIDFILE CMD...  runs CMD with stdout and stderr appended to LOG and its pid in
#                                      PIDFILE; whenever CMD exits, says so on the console (exit status,
#                                      LOG) and starts it again. The pause before a restart doubles from
#                                      1 s up to 30 s while CMD keeps exiting within a minute of its start,
#                                      and is back to 1 s once it has run for a minute. Run it in the
#                                      background: TERM stops CMD (TERM, waiting for it), then the loop.
#   describe_exit STATUS               "status 1", or "status 137 (SIGKILL)" for a process ended by a signal.

SUPERVISE_MAX_DELAY=30
SUPERVISE_STEADY_SECONDS=60

describe_exit() {
  if (($1 > 128)); then
    echo "status $1 (SIG$(kill -l $(($1 - 128)) 2>/dev/null || echo "?"))"
  else
    echo "status $1"
  fi
}

supervise() {
  local name=$1 log=$2 pidfile=$3
  shift 3
  local child="" delay=1 started status restarts=0
  trap '[ -z "$child" ] || { kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; }; rm -f "$pidfile"; exit 0' TERM
  while true; do
    started=$SECONDS
    "$@" >>"$log" 2>&1 &
    child=$!
    echo "$child" >"$pidfile"
    ((restarts++ == 0)) || echo "$name started again (pid $child)"
    status=0
    # Quietly: the shell's own "Killed" job report would repeat the line below.
    wait "$child" 2>/dev/null || status=$?
    if ((SECONDS - started >= SUPERVISE_STEADY_SECONDS)); then
      delay=1
    fi
    echo "$name exited with $(describe_exit "$status") (log: $log); starting it again in $delay s"
    echo "--- $(date -Is) run.sh: $name exited with $(describe_exit "$status"); starting it again in $delay s ---" >>"$log"
    # In the background, so that TERM is handled at once rather than after the pause.
    sleep "$delay" &
    child=$!
    wait "$child" || true
    delay=$((delay * 2 > SUPERVISE_MAX_DELAY ? SUPERVISE_MAX_DELAY : delay * 2))
  done
}
