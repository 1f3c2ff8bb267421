#!/usr/bin/env bash
# Starts ConfigCluster locally in the foreground: a dev Vault on 127.0.0.1:8200 (unless VAULT_ADDR
# points at a real Vault) and the gateway silo with the REST API on http://localhost:8082.
# Prints every address and token, and writes them to .run/endpoints.env. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

CONFIGURATION=${CONFIGURATION:-Release}
RUN_DIR=$PWD/.run
mkdir -p "$RUN_DIR/logs"

ensure_apt_packages curl ca-certificates
require_dotnet

echo "building ($CONFIGURATION)..."
dotnet build ConfigCluster.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

bin() { echo "$PWD/src/$1/bin/$CONFIGURATION/net10.0"; }
pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap stop_all EXIT INT TERM

if [ -z "${VAULT_ADDR:-}" ]; then
  export VAULT_DEV_ROOT_TOKEN_ID=${VAULT_DEV_ROOT_TOKEN_ID:-root}
  export VAULT_ADDR=http://127.0.0.1:8200
  export VAULT_TOKEN=$VAULT_DEV_ROOT_TOKEN_ID
  dotnet "$(bin DevVault)/ConfigCluster.DevVault.dll" >"$RUN_DIR/logs/devvault.log" 2>&1 &
  pids+=($!)
  wait_for_http "$VAULT_ADDR/v1/sys/health" 60
else
  : "${VAULT_TOKEN:?VAULT_ADDR is set: set VAULT_TOKEN too}"
fi

dotnet "$(bin Gateway)/ConfigCluster.Gateway.dll" --contentRoot "$(bin Gateway)" \
  >"$RUN_DIR/logs/gateway.log" 2>&1 &
pids+=($!)
wait_for_ready http://127.0.0.1:8082/health/ready 120

cat >"$RUN_DIR/endpoints.env" <<ENV
CONFIGCLUSTER_URL=http://localhost:8082
VAULT_ADDR=$VAULT_ADDR
VAULT_TOKEN=$VAULT_TOKEN
ENV
echo
echo "ConfigCluster is running (logs in .run/logs/):"
sed 's/^/  /' "$RUN_DIR/endpoints.env"
echo "  (source .run/endpoints.env to point vault at it)"
echo "Ctrl-C stops everything."
wait -n "${pids[@]}"
