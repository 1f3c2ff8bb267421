#!/usr/bin/env bash
# Helpers shared by run.sh, test.sh and bench/run.sh. Source it; it defines functions only.

# wait_until WHAT SECONDS CMD...: runs CMD every 0.2 s until it succeeds; after SECONDS says it timed
# out waiting for WHAT and fails.
wait_until() {
  local what=$1 deadline=$((SECONDS + $2))
  shift 2
  until "$@"; do
    if ((SECONDS >= deadline)); then
      echo "timed out waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

_http_answers() { curl -s -o /dev/null --max-time 2 "$1"; }
_http_is_200() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1")" = "200" ]; }

# wait_for_http URL [SECONDS]: waits until URL answers with any HTTP status.
wait_for_http() { wait_until "$1" "${2:-60}" _http_answers "$1"; }

# wait_for_ready URL [SECONDS]: waits until URL answers 200.
wait_for_ready() { wait_until "$1 to be ready" "${2:-120}" _http_is_200 "$1"; }

# wait_for_file PATH [SECONDS]: waits until PATH exists and is not empty.
wait_for_file() { wait_until "$1" "${2:-60}" test -s "$1"; }

# ensure_apt_packages PKG...: installs the Debian packages that are missing (as root, or with sudo).
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# require_dotnet: the .NET 10 SDK is the one prerequisite the README names.
require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2
    exit 1
  fi
}
