#!/usr/bin/env bash
# Starts ConfigCluster locally in the foreground: a dev Vault on 127.0.0.1:8200 (unless VAULT_ADDR
# points at a real Vault), a private PostgreSQL and Redis on loopback, an embedded Kafka (librdkafka's
# mock cluster) and the gateway silo with the REST API on http://localhost:8082.
# Prints every address and token, and writes them to .run/endpoints.env. Ctrl-C stops everything.
# Data survives restarts: the dev Vault's secrets, PostgreSQL's audit trail and cluster membership are
# kept in the data directory (Redis is only a cache, kept in memory).
#
#   ./run.sh               one gateway silo (localhost clustering)
#   ./run.sh --workers N   the multi-silo shape: the gateway silo and N worker silos, all on loopback,
#                          finding each other through ADO.NET clustering on the local PostgreSQL; a
#                          worker silo that exits is reported and started again (pausing 1 s, 2 s, ...
#                          up to 30 s while it keeps exiting). The gateway, the dev Vault or the dev
#                          Kafka exiting stops everything.
#   ./run.sh --reset       starts empty: removes the data directory's PostgreSQL, Redis and Vault data first
#
# Every port and directory can be moved with an environment variable (defaults in brackets), so that a
# second cluster (bench/run.sh) can run beside this one: VAULT_PORT [8200], GATEWAY_PORT [8082],
# SILO_PORT [11111] and ORLEANS_GATEWAY_PORT [30000] (worker i: +i), WORKER_HTTP_PORT [8090] (worker i:
# +i), POSTGRES_PORT [25432], REDIS_PORT [26379], CONFIGCLUSTER_RUN_DIR [.run], CONFIGCLUSTER_DATA_DIR.
# Vault login: the silos log in to the dev Vault with an AppRole this script creates (role configcluster),
# as production does; VAULT_AUTH_METHOD=token gives them the root token instead. With VAULT_ADDR set (a
# Vault of your own) the silos take whatever VAULT_AUTH_METHOD, VAULT_TOKEN, VAULT_ROLE_ID ... you set.
# Access: CONFIGCLUSTER_ANONYMOUS [admin] (none: every request needs a key), CONFIGCLUSTER_API_KEY [a new
# bootstrap admin key per run, written to endpoints.env].
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
source scripts/postgres.sh
source scripts/redis.sh
source scripts/supervise.sh
source scripts/vault.sh

WORKERS=0
RESET=false
while (($#)); do
  case $1 in
    --workers) WORKERS=${2:?--workers takes a number}; shift 2 ;;
    --reset) RESET=true; shift ;;
    *) echo "usage: ./run.sh [--workers N] [--reset]" >&2; exit 2 ;;
  esac
done
CONFIGURATION=${CONFIGURATION:-Release}
VAULT_PORT=${VAULT_PORT:-8200}
GATEWAY_PORT=${GATEWAY_PORT:-8082}
SILO_PORT=${SILO_PORT:-11111}
ORLEANS_GATEWAY_PORT=${ORLEANS_GATEWAY_PORT:-30000}
WORKER_HTTP_PORT=${WORKER_HTTP_PORT:-8090}
# Below Linux's ephemeral range (32768-60999), as in test.sh: a port in it can be held by an outgoing
# connection or a random-port listener (the dev Kafka's brokers), and the server would not start.
POSTGRES_PORT=${POSTGRES_PORT:-25432}
REDIS_PORT=${REDIS_PORT:-26379}
RUN_DIR=${CONFIGCLUSTER_RUN_DIR:-$PWD/.run}
# PostgreSQL runs as the OS user postgres, which must reach its data directory: keep it under /var/tmp,
# one per checkout, so data survives restarts of ./run.sh.
DATA_DIR=${CONFIGCLUSTER_DATA_DIR:-/var/tmp/configcluster-$(id -u)-$(printf '%s' "$PWD" | md5sum | cut -c1-8)}
mkdir -p "$RUN_DIR/logs" "$DATA_DIR"
chmod 755 "$DATA_DIR"

# The dev Vault holds this lock while it runs: another ./run.sh on the same data would share (and
# stop) its PostgreSQL.
if [ -z "${VAULT_ADDR:-}" ] && [ -e "$DATA_DIR/vault/lock" ] && command -v flock >/dev/null 2>&1 &&
  ! flock -n "$DATA_DIR/vault/lock" true; then
  echo "another ./run.sh uses $DATA_DIR (its dev Vault holds $DATA_DIR/vault/lock): stop it first" >&2
  exit 1
fi
if $RESET; then
  echo "--reset: removing the PostgreSQL, Redis and Vault data in $DATA_DIR${VAULT_ADDR:+ (the Vault at $VAULT_ADDR is not touched)}"
  redis_stop "$DATA_DIR/redis"
  postgres_stop "$DATA_DIR/postgres"
  rm -rf "$DATA_DIR/postgres" "$DATA_DIR/redis" "$DATA_DIR/vault"
fi

ensure_apt_packages curl ca-certificates
require_dotnet

echo "building ($CONFIGURATION)..."
dotnet build ConfigCluster.sln -c "$CONFIGURATION" -nologo -v minimal

bin() { echo "$PWD/$1/bin/$CONFIGURATION/net10.0"; }
declare -A critical=() # pid -> what it is; its exit stops everything
supervisors=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${supervisors[@]}" "${!critical[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  redis_stop "$DATA_DIR/redis" || true
  postgres_stop "$DATA_DIR/postgres" || true
  echo "stopped."
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

if [ -z "${VAULT_ADDR:-}" ]; then
  ROOT_TOKEN=${VAULT_DEV_ROOT_TOKEN_ID:-root}
  export VAULT_ADDR=http://127.0.0.1:$VAULT_PORT
  VAULT_DEV_ROOT_TOKEN_ID=$ROOT_TOKEN VAULT_DEV_LISTEN_ADDRESS=127.0.0.1:$VAULT_PORT VAULT_DEV_STORAGE_PATH="$DATA_DIR/vault" \
    dotnet "$(bin dev/DevVault)/ConfigCluster.DevVault.dll" >"$RUN_DIR/logs/devvault.log" 2>&1 &
  critical[$!]="the dev Vault (log: $RUN_DIR/logs/devvault.log)"
  wait_for_http "$VAULT_ADDR/v1/sys/health" 60
  export VAULT_AUTH_METHOD=${VAULT_AUTH_METHOD:-approle}
  case ${VAULT_AUTH_METHOD,,} in
    approle)
      unset VAULT_TOKEN VAULT_TOKEN_FILE VAULT_SECRET_ID
      export VAULT_SECRET_ID_FILE=$RUN_DIR/vault-secret-id
      VAULT_ROLE_ID=$(vault_approle_login_setup "$VAULT_ADDR" "$ROOT_TOKEN" configcluster "$VAULT_SECRET_ID_FILE")
      export VAULT_ROLE_ID
      ;;
    token) export VAULT_TOKEN=$ROOT_TOKEN ;;
    *) echo "VAULT_AUTH_METHOD=$VAULT_AUTH_METHOD: with the dev Vault, use approle (the default) or token" >&2; exit 2 ;;
  esac
else
  ROOT_TOKEN=${VAULT_TOKEN:-}
fi

postgres_start "$DATA_DIR/postgres" "$POSTGRES_PORT"
redis_start "$DATA_DIR/redis" "$REDIS_PORT"
rm -f "$RUN_DIR/kafka.bootstrap"
DEV_KAFKA_BOOTSTRAP_FILE="$RUN_DIR/kafka.bootstrap" dotnet "$(bin dev/DevKafka)/ConfigCluster.DevKafka.dll" \
  >"$RUN_DIR/logs/kafka.log" 2>&1 &
critical[$!]="the dev Kafka (log: $RUN_DIR/logs/kafka.log)"
wait_for_file "$RUN_DIR/kafka.bootstrap" 60
KAFKA_BOOTSTRAP_SERVERS=$(sed -n 's/^KAFKA_BOOTSTRAP_SERVERS=//p' "$RUN_DIR/kafka.bootstrap" | head -1)
[ -n "$KAFKA_BOOTSTRAP_SERVERS" ] || KAFKA_BOOTSTRAP_SERVERS=$(head -1 "$RUN_DIR/kafka.bootstrap")

# Each silo pools at most 25 connections: the local server allows 100 (3 kept for superusers), and a
# gateway with two workers (with Orleans' membership and reminder connections, a few each) must stay below
# that, or a burst of reads is refused (53300) instead of queued.
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$POSTGRES_PORT;Database=configcluster;Username=configcluster;Password=configcluster;Maximum Pool Size=25"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
export ConnectionStrings__Kafka="$KAFKA_BOOTSTRAP_SERVERS"
if ((WORKERS > 0)); then
  export Cluster__Clustering=AdoNet Cluster__AdvertisedAddress=127.0.0.1
fi
# Access, as `vault server -dev` does it: callers without a credential may do anything, unless
# CONFIGCLUSTER_ANONYMOUS says otherwise (none, read, reveal, write or admin). Each run makes a bootstrap
# admin key (or takes CONFIGCLUSTER_API_KEY) and writes it to endpoints.env.
ANONYMOUS=${CONFIGCLUSTER_ANONYMOUS:-admin}
# Registry health checks may reach services on this machine (production refuses loopback unless allowed).
export Registry__AllowedCheckNetworks__0=${Registry__AllowedCheckNetworks__0:-127.0.0.0/8}
export Registry__AllowedCheckNetworks__1=${Registry__AllowedCheckNetworks__1:-::1/128}
export Auth__Anonymous=$ANONYMOUS
export Auth__BootstrapApiKey=${CONFIGCLUSTER_API_KEY:-cck_$(head -c 32 /dev/urandom | basenc --base64url | tr -d '=')}
dotnet "$(bin src/Gateway)/ConfigCluster.Gateway.dll" --contentRoot "$(bin src/Gateway)" --urls "http://*:$GATEWAY_PORT" \
  --Cluster:SiloPort=$SILO_PORT --Cluster:GatewayPort=$ORLEANS_GATEWAY_PORT >"$RUN_DIR/logs/gateway.log" 2>&1 &
critical[$!]="the gateway silo (log: $RUN_DIR/logs/gateway.log)"
wait_for_ready "http://127.0.0.1:$GATEWAY_PORT/health/ready" 120
for ((i = 1; i <= WORKERS; i++)); do
  log="$RUN_DIR/logs/silo-$i.log"
  : >"$log"
  supervise "worker silo $i" "$log" "$RUN_DIR/silo-$i.pid" \
    dotnet "$(bin src/Silo)/ConfigCluster.Silo.dll" --contentRoot "$(bin src/Silo)" --urls "http://127.0.0.1:$((WORKER_HTTP_PORT + i))" \
    --Cluster:SiloPort=$((SILO_PORT + i)) --Cluster:GatewayPort=$((ORLEANS_GATEWAY_PORT + i)) &
  supervisors+=($!)
done
for ((i = 1; i <= WORKERS; i++)); do
  wait_for_ready "http://127.0.0.1:$((WORKER_HTTP_PORT + i))/health/ready" 120
  echo "worker silo $i ready: http://127.0.0.1:$((WORKER_HTTP_PORT + i))/health/ready"
done

# Only this user may read it: it holds the Vault root token (for the vault CLI; the silos log in with
# VAULT_AUTH_METHOD) and the bootstrap admin key.
(umask 077 && cat >"$RUN_DIR/endpoints.env") <<ENV
CONFIGCLUSTER_URL=http://localhost:$GATEWAY_PORT
VAULT_ADDR=$VAULT_ADDR
VAULT_TOKEN=$ROOT_TOKEN
VAULT_AUTH_METHOD=${VAULT_AUTH_METHOD:-token}
VAULT_ROLE_ID=${VAULT_ROLE_ID:-}
KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS
REDIS_URL=redis://127.0.0.1:$REDIS_PORT
POSTGRES_URL=postgresql://configcluster:configcluster@127.0.0.1:$POSTGRES_PORT/configcluster
CONFIGCLUSTER_API_KEY=$Auth__BootstrapApiKey
ENV
echo
echo "ConfigCluster is running (logs in $RUN_DIR/logs/, data in $DATA_DIR):"
sed 's/^/  /' "$RUN_DIR/endpoints.env"
echo "  (source $RUN_DIR/endpoints.env, then: vault kv get secret/ENV/SERVICE/KEY; kcat -b \$KAFKA_BOOTSTRAP_SERVERS -t config-events -C;"
echo "   redis-cli -u \$REDIS_URL; psql \$POSTGRES_URL)"
if [ "${ANONYMOUS,,}" != none ]; then
  echo
  echo "  WARNING: a development cluster: callers without a credential may $ANONYMOUS every configuration."
  echo "  CONFIGCLUSTER_ANONYMOUS=none ./run.sh starts it locked down: then send -H \"X-API-Key: \$CONFIGCLUSTER_API_KEY\"."
  echo
fi
echo "Ctrl-C stops everything."

# Worker silos are restarted by their supervisors; any other process exiting ends the run.
status=0
wait -n -p exited "${!critical[@]}" 2>/dev/null || status=$?
echo "${critical[$exited]} exited with $(describe_exit "$status"): stopping everything"
exit 1
