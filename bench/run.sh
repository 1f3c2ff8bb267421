#!/usr/bin/env bash
# The ConfigCluster benchmark, in one run on one machine (method and latest table: bench/README.md):
#   1. starts the local cluster with ./run.sh (Release) on its own ports, data and run directories;
#   2. seeds N configs through the REST API (half encrypted), the flags, and M instances of the service registry;
#   3. drives each row with wrk at fixed connection counts, next to its baselines: bare Kestrel answering
#      the gateway's own bytes (bench/Baseline) and the same dev Vault read and written directly; the read
#      rows run in interleaved rounds (each row next to its baseline in every round) and report medians;
#      in each round, the cached GET and bare Kestrel also open loop at a fixed rate (BenchTools paced);
#   4. times writes until an in-cluster observer and a Kafka consumer hear of them, flag changes until a
#      second gateway silo on the same database evaluates them, and a registered instance's death until queries
#      of the registry show it critical;
#   5. prints the table and writes it to bench/results/<UTC timestamp>.json and bench/results/latest.json.
# With --profile S it starts and seeds as in 1-2, then only samples the cached GET of the gateway and of bare
# Kestrel with perf (S seconds each, at the highest connection count, in each round) and prints where a
# request's CPU goes, by assembly and by method, in .run/bench/profile.txt too. Needs root (or perf rights).
#
#   bench/run.sh [--configs 10000] [--services 100] [--instances 10000] [--registry-services 100] [--duration 10s]
#                [--connections 16,64] [--rounds 3] [--threads 2] [--warmup 5s] [--prime 2s] [--paced-rate 20000]
#                [--writes 500] [--note TEXT] [--profile SECONDS]
#
# Ports (environment; defaults apart from ./run.sh's, so both can run at once, and below Linux's ephemeral
# range, as in test.sh): VAULT_PORT 18200, GATEWAY_PORT 18082, SILO_PORT 21111, ORLEANS_GATEWAY_PORT 31000,
# POSTGRES_PORT 25442, REDIS_PORT 26389, BASELINE_PORT 18090, GATEWAY2_PORT 18083 (the second gateway, silo
# ports +50). Logs and row outputs: .run/bench/.
# PostgreSQL and Redis data: a fresh directory under /var/tmp, removed at the end.

# One block, which bash reads whole before running any of it: a run takes a quarter of an hour, and an edit
# saved meanwhile would otherwise be read from wherever bash had got to.
{
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

CONFIGS=10000 SERVICES=100 INSTANCES=10000 REGISTRY_SERVICES=100 DURATION=10s CONNECTIONS=16,64 ROUNDS=3 THREADS=2 WARMUP=5s PRIME=2s PACED_RATE=20000 WRITES=500 NOTE="" PROFILE=""
usage() { sed -n '17,19p' "$0" | sed 's/^# *//' >&2; exit 2; }
while (($#)); do
  case $1 in
    --configs) CONFIGS=${2:?}; shift 2 ;;
    --services) SERVICES=${2:?}; shift 2 ;;
    --instances) INSTANCES=${2:?}; shift 2 ;;
    --registry-services) REGISTRY_SERVICES=${2:?}; shift 2 ;;
    --duration) DURATION=${2:?}; shift 2 ;;
    --connections) CONNECTIONS=${2:?}; shift 2 ;;
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --warmup) WARMUP=${2:?}; shift 2 ;;
    --prime) PRIME=${2:?}; shift 2 ;;
    --paced-rate) PACED_RATE=${2:?}; shift 2 ;;
    --writes) WRITES=${2:?}; shift 2 ;;
    --note) NOTE=${2:?}; shift 2 ;;
    --profile) PROFILE=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
((CONFIGS >= 2 * SERVICES)) || { echo "--configs must be at least twice --services" >&2; exit 2; }
((REGISTRY_SERVICES >= 1 && INSTANCES >= REGISTRY_SERVICES)) ||
  { echo "--instances must be at least --registry-services (at least 1): every registry service holds one" >&2; exit 2; }
((ROUNDS >= 1)) || { echo "--rounds must be at least 1" >&2; exit 2; }
[[ -z $PROFILE || $PROFILE =~ ^[1-9][0-9]*$ ]] || { echo "--profile takes whole seconds" >&2; exit 2; }
[[ $PACED_RATE =~ ^[0-9]+$ ]] || { echo "--paced-rate takes requests per second (0: no paced rows)" >&2; exit 2; }

export VAULT_PORT=${VAULT_PORT:-18200} GATEWAY_PORT=${GATEWAY_PORT:-18082}
export SILO_PORT=${SILO_PORT:-21111} ORLEANS_GATEWAY_PORT=${ORLEANS_GATEWAY_PORT:-31000}
export POSTGRES_PORT=${POSTGRES_PORT:-25442} REDIS_PORT=${REDIS_PORT:-26389}
BASELINE_PORT=${BASELINE_PORT:-18090} GATEWAY2_PORT=${GATEWAY2_PORT:-18083}
export CONFIGCLUSTER_RUN_DIR=$PWD/.run/bench
RUN_DIR=$CONFIGCLUSTER_RUN_DIR ROWS=$CONFIGCLUSTER_RUN_DIR/rows
GATEWAY=http://127.0.0.1:$GATEWAY_PORT GATEWAY2=http://127.0.0.1:$GATEWAY2_PORT BASELINE=http://127.0.0.1:$BASELINE_PORT VAULT=http://127.0.0.1:$VAULT_PORT
unset VAULT_ADDR VAULT_TOKEN # always the dev Vault that ./run.sh starts: the Vault rows need it
rm -rf "$RUN_DIR" && mkdir -p "$ROWS" "$RUN_DIR/logs" && touch "$RUN_DIR/started"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

ensure_apt_packages curl ca-certificates wrk
if [ -n "$PROFILE" ]; then
  ensure_apt_packages linux-perf
  # perf names JIT'd methods from the perf maps the runtime writes (/tmp/perf-PID.map); with W^X on, the
  # code runs from a second mapping that the maps do not describe.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
fi
require_dotnet

echo "building the bench tools (Release)..."
for project in bench/BenchTools/BenchTools.csproj bench/Baseline/Baseline.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly
done
tools() { dotnet bench/BenchTools/bin/Release/net10.0/ConfigCluster.BenchTools.dll "$@"; }

# A fresh cluster each run: PostgreSQL and Redis in a new directory (reachable by the postgres OS user).
export CONFIGCLUSTER_DATA_DIR
CONFIGCLUSTER_DATA_DIR=$(mktemp -d /var/tmp/configcluster-bench.XXXXXX)
chmod 755 "$CONFIGCLUSTER_DATA_DIR"
cluster_pid="" baseline_pid="" gateway2_pid=""
stop_all() {
  trap - EXIT INT TERM
  [ -z "$gateway2_pid" ] || { kill "$gateway2_pid" 2>/dev/null || true; wait "$gateway2_pid" 2>/dev/null || true; }
  [ -z "$baseline_pid" ] || { kill "$baseline_pid" 2>/dev/null || true; wait "$baseline_pid" 2>/dev/null || true; }
  [ -z "$cluster_pid" ] || { kill "$cluster_pid" 2>/dev/null || true; wait "$cluster_pid" 2>/dev/null || true; }
  rm -rf "$CONFIGCLUSTER_DATA_DIR"
  # Every .NET process of this run (builds and tools too) wrote a perf map; all of them have ended now.
  [ -z "$PROFILE" ] || find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$RUN_DIR/started" -delete
}
trap stop_all EXIT INT TERM

echo "starting the cluster (./run.sh, logs in $RUN_DIR)..."
# The bench drives one caller far past the default rate limit per caller; the limiter still runs, as it does in production.
Auth__RateLimitPerSecond=1000000 ./run.sh >"$RUN_DIR/logs/run.log" 2>&1 &
cluster_pid=$!
_cluster_up() {
  kill -0 "$cluster_pid" 2>/dev/null || { echo "./run.sh stopped; see $RUN_DIR/logs/run.log" >&2; exit 1; }
  [ -s "$RUN_DIR/endpoints.env" ]
}
wait_until "the cluster" 900 _cluster_up
KAFKA_BOOTSTRAP_SERVERS=$(sed -n 's/^KAFKA_BOOTSTRAP_SERVERS=//p' "$RUN_DIR/endpoints.env")

echo "seeding $CONFIGS configs in $SERVICES services..."
tools seed --url "$GATEWAY" --configs "$CONFIGS" --services "$SERVICES"

# An API key that may read the bench environment, made with the run's bootstrap admin key.
bootstrap_key=$(sed -n 's/^CONFIGCLUSTER_API_KEY=//p' "$RUN_DIR/endpoints.env")
BENCH_API_KEY=$(curl -sf -X POST "$GATEWAY/api/v1/auth/keys" -H "X-API-Key: $bootstrap_key" -H 'Content-Type: application/json' \
  -d '{"name":"bench-reader","grants":[{"environment":"bench","service_name":"*","actions":["read"]}]}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$BENCH_API_KEY" ] || { echo "could not create the bench's API key" >&2; exit 1; }

echo "seeding the flags..."
tools seed-flags --url "$GATEWAY"

echo "registering $INSTANCES registry instances in $REGISTRY_SERVICES services..."
tools seed-registry --url "$GATEWAY" --instances "$INSTANCES" --services "$REGISTRY_SERVICES"

# The baseline answers exactly the bytes the gateway answers for config 0, a list page, an evaluation of
# flag 0 and of all flags for user 0, and the healthy instances of registry service 0 (all it was given: the
# seeded TTLs outlast the run, and the heartbeat rows come after the reads).
config_path="/api/v1/config/key-00000?environment=bench&service_name=svc-000"
list_path="/api/v1/config?environment=bench&service_name=svc-000&limit=50&offset=0"
registry_path="/api/v1/registry/bench/services/reg-000/instances?healthy=true"
ofrep_context='{"context":{"targetingKey":"user-0","country":"NL","plan":"free"}}'
curl -sf "$GATEWAY$config_path" -o "$RUN_DIR/config-body.json"
curl -sf "$GATEWAY$list_path" -o "$RUN_DIR/list-body.json"
curl -sf -X POST "$GATEWAY/ofrep/v1/evaluate/flags/flag-000" -H 'X-Environment: bench' -H 'Content-Type: application/json' \
  -d "$ofrep_context" -o "$RUN_DIR/ofrep-body.json"
curl -sf -X POST "$GATEWAY/ofrep/v1/evaluate/flags" -H 'X-Environment: bench' -H 'Content-Type: application/json' \
  -d "$ofrep_context" -o "$RUN_DIR/ofrep-bulk-body.json"
curl -sf "$GATEWAY$registry_path" -o "$RUN_DIR/registry-body.json"
registry_listed=$(grep -o '"instance_id"' "$RUN_DIR/registry-body.json" | wc -l)
((registry_listed == (INSTANCES + REGISTRY_SERVICES - 1) / REGISTRY_SERVICES)) ||
  { echo "registry service reg-000 lists $registry_listed healthy instances, not all it was given" >&2; exit 1; }
dotnet bench/Baseline/bin/Release/net10.0/ConfigCluster.Baseline.dll --urls "$BASELINE" \
  --Baseline:ConfigBody "$RUN_DIR/config-body.json" --Baseline:ListBody "$RUN_DIR/list-body.json" \
  --Baseline:OfrepBody "$RUN_DIR/ofrep-body.json" --Baseline:OfrepBulkBody "$RUN_DIR/ofrep-bulk-body.json" \
  --Baseline:RegistryBody "$RUN_DIR/registry-body.json" \
  >"$RUN_DIR/logs/baseline.log" 2>&1 &
baseline_pid=$!
wait_for_http "$BASELINE$config_path" 60
cmp -s <(curl -sf "$BASELINE$config_path") "$RUN_DIR/config-body.json" &&
  cmp -s <(curl -sf "$BASELINE$registry_path") "$RUN_DIR/registry-body.json" ||
  { echo "the baseline does not answer the gateway's bytes" >&2; exit 1; }

# The process that answers each URL, whose CPU a row's requests cost (the first two are ./run.sh's children).
declare -A server_pid=(
  ["$GATEWAY"]=$(pgrep -P "$cluster_pid" -f ConfigCluster.Gateway.dll | head -1)
  ["$VAULT"]=$(pgrep -P "$cluster_pid" -f ConfigCluster.DevVault.dll | head -1)
  ["$BASELINE"]=$baseline_pid
)
# User + system CPU seconds of process $1 so far (fields 14 and 15 of its stat, counted after the name).
cpu_seconds() {
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 0
  sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($12 + $13) / hz }'
}

# json_number FILE NAME: a number of a row's summary (one line from bench.lua, indented from BenchTools).
json_number() { sed -n "s/.*\"$2\": *\([0-9.]*\).*/\1/p" "$1" | head -1; }

# row ID URL MODE CONNECTIONS [DURATION] [ROUND]: one wrk run; its summary goes to
# $ROWS/ID-cCONNECTIONS.json, or $ROWS/ID-cCONNECTIONS-rROUND.json for a round of the read rows, and the
# CPU seconds its server spent meanwhile to the same name with .cpu.
row() {
  local id=$1 url=$2 mode=$3 connections=$4 duration=${5:-$DURATION} round=${6:-}
  local name="$id-c$connections${round:+-r$round}" pid=${server_pid[$url]:-} cpu_before cpu_after
  cpu_before=$(cpu_seconds "$pid")
  BENCH_MODE=$mode BENCH_CONFIGS=$CONFIGS BENCH_SERVICES=$SERVICES BENCH_VAULT_TOKEN=root \
    BENCH_INSTANCES=$INSTANCES BENCH_REGISTRY_SERVICES=$REGISTRY_SERVICES \
    BENCH_API_KEY=${BENCH_API_KEY:-} BENCH_RESULT="$ROWS/$name.json" \
    wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 5s -s bench/wrk/bench.lua "$url" \
    >"$ROWS/$name.txt" 2>&1
  cpu_after=$(cpu_seconds "$pid")
  [ -z "$cpu_before" ] || [ -z "$cpu_after" ] || awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.2f\n", a - b }' >"$ROWS/$name.cpu"
  echo "  $id at $connections connections${round:+ (round $round)}: $(json_number "$ROWS/$name.json" requests_per_sec) req/s," \
    "p99 $(json_number "$ROWS/$name.json" p99_ms) ms"
}

max_connections=$(tr ',' '\n' <<<"$CONNECTIONS" | sort -n | tail -1)
echo "warming up ($WARMUP per read row)..."
for spec in "warmup-get $GATEWAY get-plain" "warmup-get-key $GATEWAY get-plain-key" "warmup-kestrel $BASELINE get-plain" "warmup-encrypted $GATEWAY get-encrypted" \
  "warmup-vault $VAULT vault-get" "warmup-list $GATEWAY list" "warmup-kestrel-list $BASELINE list" \
  "warmup-ofrep $GATEWAY ofrep" "warmup-kestrel-ofrep $BASELINE ofrep" "warmup-ofrep-bulk $GATEWAY ofrep-bulk" \
  "warmup-kestrel-ofrep-bulk $BASELINE ofrep-bulk" "warmup-registry $GATEWAY registry-healthy" \
  "warmup-kestrel-registry $BASELINE registry-healthy"; do
  read -r id url mode <<<"$spec"
  row "$id" "$url" "$mode" "$max_connections" "$WARMUP" >/dev/null
done
rm -f "$ROWS"/warmup-*

# profile_row ID URL CONNECTIONS ROUND SIDE: a cached GET row, primed, whose server perf samples for
# $PROFILE seconds from 2 s in; its report goes to $ROWS/ID-rROUND.perf.txt under perf-breakdown.awk's header
# (the requests sampled: the row's average rate times the seconds sampled).
PERF_HZ=1999
profile_row() {
  local id=$1 url=$2 connections=$3 round=$4 side=$5 pid=${server_pid[$2]}
  row "prime-$id" "$url" get-plain "$connections" "$PRIME" >/dev/null
  row "$id" "$url" get-plain "$connections" "$((PROFILE + 3))s" "$round" &
  local wrk_pid=$!
  sleep 2
  perf record -q -F "$PERF_HZ" -p "$pid" -o "$ROWS/$id-r$round.perf" -- sleep "$PROFILE" 2>/dev/null
  wait "$wrk_pid"
  local rps
  rps=$(json_number "$ROWS/$id-c$connections-r$round.json" requests_per_sec)
  { echo "#@ side=$side requests=$(awk -v r="$rps" -v s="$PROFILE" 'BEGIN { printf "%d", r * s }')"
    perf report -i "$ROWS/$id-r$round.perf" --no-children --sort dso,sym --stdio -n 2>/dev/null; } >"$ROWS/$id-r$round.perf.txt"
}

if [ -n "$PROFILE" ]; then
  echo "profiling the cached GET at $max_connections connections ($ROUNDS rounds, $PROFILE s of samples each)..."
  for round in $(seq "$ROUNDS"); do
    profile_row profile-gateway "$GATEWAY" "$max_connections" "$round" 1
    profile_row profile-kestrel "$BASELINE" "$max_connections" "$round" 2
  done
  echo
  awk -v hz="$PERF_HZ" -v names=gateway,kestrel -f bench/perf-breakdown.awk "$ROWS"/profile-*.perf.txt |
    tee "$RUN_DIR/profile.txt"
  exit 0
fi

# read_row ID URL MODE CONNECTIONS ROUND: a round of a read row, right after a discarded run of $PRIME of
# the same requests. A round's other rows take longer than the cache TTL (30 s), so without it a cached
# GET row would begin with every config expired: a Vault re-read per plain config on the request path,
# which is not a cached read and which (5,000 of ~600,000 requests at the defaults) would be its p99.
read_row() {
  row "prime-$1" "$2" "$3" "$4" "$PRIME" >/dev/null
  row "$1" "$2" "$3" "$4" "$DURATION" "$5"
}

# paced_row ID URL ROUND: a round of an open-loop cached GET row (BenchTools paced): $PACED_RATE requests a
# second on $max_connections connections, due on a schedule whatever the server's pace, after a prime as
# in read_row. The client measures its server's CPU itself, over the measured window only, and writes the
# row second by second to ID-c..-rROUND.timeline.tsv (a stall or a GC pause shows as one slow second).
paced_row() {
  local id=$1 url=$2 round=$3 name="$1-c$max_connections-r$3"
  row "prime-$id" "$url" get-plain "$max_connections" "$PRIME" >/dev/null
  tools paced --url "$url" --configs "$CONFIGS" --services "$SERVICES" --rate "$PACED_RATE" --connections "$max_connections" \
    --duration "$DURATION" --server-pid "${server_pid[$url]}" --out "$ROWS/$name.json" --cpu-out "$ROWS/$name.cpu" \
    --timeline-out "$ROWS/$name.timeline.tsv"
  echo "  $id at $PACED_RATE req/s on $max_connections connections (round $round): p50 $(json_number "$ROWS/$name.json" p50_ms) ms," \
    "p99 $(json_number "$ROWS/$name.json" p99_ms) ms"
}

# A shared machine drifts: a row and its baseline run back to back in each round, and the report takes
# the median over the rounds of each figure and of the ratios.
echo "reads ($ROUNDS rounds, $DURATION per row, each after $PRIME of the same requests)..."
for round in $(seq "$ROUNDS"); do
  for connections in ${CONNECTIONS//,/ }; do
    read_row get-plain "$GATEWAY" get-plain "$connections" "$round"
    read_row kestrel-get "$BASELINE" get-plain "$connections" "$round"
    read_row get-plain-key "$GATEWAY" get-plain-key "$connections" "$round"
    read_row get-encrypted "$GATEWAY" get-encrypted "$connections" "$round"
    read_row vault-get "$VAULT" vault-get "$connections" "$round"
    read_row list "$GATEWAY" list "$connections" "$round"
    read_row kestrel-list "$BASELINE" list "$connections" "$round"
    read_row ofrep "$GATEWAY" ofrep "$connections" "$round"
    read_row kestrel-ofrep "$BASELINE" ofrep "$connections" "$round"
    read_row ofrep-bulk "$GATEWAY" ofrep-bulk "$connections" "$round"
    read_row kestrel-ofrep-bulk "$BASELINE" ofrep-bulk "$connections" "$round"
    read_row registry-healthy "$GATEWAY" registry-healthy "$connections" "$round"
    read_row kestrel-registry "$BASELINE" registry-healthy "$connections" "$round"
  done
  if ((PACED_RATE > 0)); then
    paced_row get-plain-paced "$GATEWAY" "$round"
    paced_row kestrel-get-paced "$BASELINE" "$round"
  fi
done
rm -f "$ROWS"/prime-*

echo "write -> notification latency ($WRITES writes)..."
tools latency --url "$GATEWAY" --configs "$CONFIGS" --services "$SERVICES" --writes "$WRITES" \
  --orleans-gateway-port "$ORLEANS_GATEWAY_PORT" --kafka "$KAFKA_BOOTSTRAP_SERVERS" --out "$RUN_DIR/latency.json"

# A second gateway silo on the same dependencies, in a cluster of its own (localhost clustering): only what
# goes through PostgreSQL reaches it, which is how a flag change reaches every silo but the one that made it.
echo "flag change -> second gateway latency..."
(
  set -a && source "$RUN_DIR/endpoints.env" && set +a
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$POSTGRES_PORT;Database=configcluster;Username=configcluster;Password=configcluster;Maximum Pool Size=10"
  export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" ConnectionStrings__Kafka="$KAFKA_BOOTSTRAP_SERVERS" Auth__Anonymous=admin
  cd src/Gateway/bin/Release/net10.0
  exec dotnet ConfigCluster.Gateway.dll --urls "$GATEWAY2" --Cluster:SiloPort=$((SILO_PORT + 50)) --Cluster:GatewayPort=$((ORLEANS_GATEWAY_PORT + 50))
) >"$RUN_DIR/logs/gateway2.log" 2>&1 &
gateway2_pid=$!
wait_for_ready "$GATEWAY2/health/ready" 120
tools flag-latency --url "$GATEWAY" --observers "$GATEWAY2" --changes 200 --out "$RUN_DIR/flag-latency.json"

# A real endpoint on loopback per trial, checked by the registry over HTTP (1 s interval, 500 ms timeout), stopped
# once it passes: the time until a query of the registry shows its instance critical.
echo "instance death -> critical in queries (5 trials)..."
tools registry-death --url "$GATEWAY" --trials 5 --out "$RUN_DIR/registry-death.json"

echo "writes ($DURATION per row)..."
for connections in ${CONNECTIONS//,/ }; do
  row put-many "$GATEWAY" put-many "$connections"
  row put-one "$GATEWAY" put-one "$connections"
  row vault-put "$VAULT" vault-put "$connections"
  row heartbeat "$GATEWAY" heartbeat "$connections"
done

echo
tools report --rows "$ROWS" --latency "$RUN_DIR/latency.json" --flag-latency "$RUN_DIR/flag-latency.json" \
  --registry-death "$RUN_DIR/registry-death.json" --out-dir bench/results \
  --configs "$CONFIGS" --services "$SERVICES" --instances "$INSTANCES" --registry-services "$REGISTRY_SERVICES" \
  --duration "$DURATION" --connections "$CONNECTIONS" --rounds "$ROUNDS" --prime "$PRIME" --paced-rate "$PACED_RATE" \
  --wrk-threads "$THREADS" --writes "$WRITES" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --load-at-start "$LOAD_AT_START" --note "$NOTE"
exit
}
