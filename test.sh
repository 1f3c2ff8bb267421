#!/usr/bin/env bash
# Runs every test of ConfigCluster: builds once, then runs each test project in turn against the
# real dependencies the tests start themselves. Prints "N passed, N failed" at the end.
# ./test.sh [NAME]: only the test projects whose name contains NAME (e.g. ./test.sh EndToEnd).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
source scripts/postgres.sh
source scripts/redis.sh

CONFIGURATION=${CONFIGURATION:-Release}
RESULTS=$PWD/.run/test-results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

ensure_apt_packages curl ca-certificates
# kubectl renders deploy/k8s in the deploy tests; Debian ships it as kubernetes-client.
command -v kubectl >/dev/null 2>&1 || ensure_apt_packages kubernetes-client
require_dotnet

# Real servers on loopback for the tests, private to this run; stopped on exit.
# Under /tmp: the server runs as the OS user postgres, which must be able to reach its data directory.
TEST_DIR=$(mktemp -d /tmp/configcluster-test.XXXXXX)
chmod 755 "$TEST_DIR"
# Below Linux's ephemeral range (32768-60999): a port in it can be held by any process's outgoing
# connection or by a listener on a random port (the dev Kafka's brokers), and the server would not start.
POSTGRES_PORT=${TEST_POSTGRES_PORT:-25433}
REDIS_PORT=${TEST_REDIS_PORT:-26380}
stop_servers() {
  redis_stop "$TEST_DIR/redis" || true
  postgres_stop "$TEST_DIR/postgres" || true
  rm -rf "$TEST_DIR"
}
trap stop_servers EXIT
postgres_start "$TEST_DIR/postgres" "$POSTGRES_PORT"
redis_start "$TEST_DIR/redis" "$REDIS_PORT"
export CONFIGCLUSTER_TEST_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
export CONFIGCLUSTER_TEST_REDIS="127.0.0.1:$REDIS_PORT"

dotnet build ConfigCluster.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

status=0
ONLY=${1:-}
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  [[ -z "$ONLY" || "$name" == *"$ONLY"* ]] || continue
  echo "== $name"
  dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || status=1
done

passed=0 failed=0 total=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  total=$((total + t)) passed=$((passed + p)) failed=$((failed + f))
done
if ((total == 0)); then
  echo "no tests ran" >&2
  status=1
fi
echo
echo "tests: $passed passed, $failed failed"
exit $status
