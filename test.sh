#!/usr/bin/env bash
# Runs every test of ConfigCluster: builds once, then runs each test project in turn against the
# real dependencies the tests start themselves. Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

CONFIGURATION=${CONFIGURATION:-Release}
RESULTS=$PWD/.run/test-results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

ensure_apt_packages curl ca-certificates
require_dotnet

dotnet build ConfigCluster.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
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
