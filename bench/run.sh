#!/usr/bin/env bash
# bench/run.sh [--quick] [LiveBench options...]
#
# Live fan-out benchmark (bench/README.md): builds the Api, the Web and the bench in Release,
# starts a throwaway PostgreSQL (PostgreSQL's own durable defaults, not the tests' fsync=off),
# then runs bench/LiveBench, which starts the Api (and briefly the Web, and the bare SignalR
# hub) as processes of their own on loopback ports and drives them with real SignalR clients.
#
#   --quick        N = 1 and 100 for 5 s each: a smoke check of the whole path (~1-2 min)
#   (default)      N = 1, 100, 1,000, 5,000 and the capacity search (~10 min)
#   --no-build     use what is already built
#   anything else  passed to LiveBench (see: bench/run.sh --help)
#
# Environment:
#   COP_BENCH_POSTGRES  a PostgreSQL *server* connection string (its user may CREATE DATABASE);
#                       when set, no local PostgreSQL is started and a fresh database is made there.
#   COP_BENCH_OUT       where logs and results.md go (default .cop/bench/<UTC time>)
set -euo pipefail

COP_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$COP_ROOT"
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=scripts/common.sh
source "$COP_ROOT/scripts/common.sh"
# shellcheck source=scripts/postgres.sh
source "$COP_ROOT/scripts/postgres.sh"
# shellcheck source=scripts/bench.sh
source "$COP_ROOT/scripts/bench.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1} DOTNET_CLI_USE_MSBUILD_SERVER=${DOTNET_CLI_USE_MSBUILD_SERVER:-0}

build=1
bench_args=()
command_line="bench/run.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      echo
      bench_help=1
      ;;
    *) bench_args+=("$arg") ;;
  esac
done

BENCH_DLL=bench/LiveBench/bin/Release/net10.0/CommunityOfPractice.LiveBench.dll
API_DLL=src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll
WEB_DLL=src/Web/bin/Release/net10.0/CommunityOfPractice.Web.dll

require_dotnet
if [[ -n ${bench_help:-} ]]; then
  [[ -f $BENCH_DLL ]] || dotnet build bench/LiveBench/LiveBench.csproj -c Release -nologo -v q >/dev/null
  exec dotnet "$BENCH_DLL" --help
fi

bench_raise_fd_limit

# shellcheck disable=SC2317  # run by the EXIT trap
bench_on_exit() {
  local rc=$?
  trap '' INT TERM
  test_pg_down
  print_phase_times
  exit "$rc"
}
trap bench_on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( build )); then
  phase "Building Api, Web and LiveBench (Release)"
  dotnet build src/Api/Api.csproj -c Release -nologo -v q || die "the Api build failed"
  dotnet build src/Web/Web.csproj -c Release -nologo -v q || die "the Web build failed"
  dotnet build bench/LiveBench/LiveBench.csproj -c Release -nologo -v q || die "the LiveBench build failed"
fi
for dll in "$BENCH_DLL" "$API_DLL" "$WEB_DLL"; do
  [[ -f $dll ]] || die "$dll is missing; run without --no-build"
done

bench_lift_rate_limits
bench_postgres 55532 -c max_connections=300
# Its postmaster: the bench counts the CPU of this cluster's processes only.
[[ -n ${TEST_PG_DIR:-} ]] && bench_args+=(--postgres-pid "$(head -n 1 "$TEST_PG_DIR/data/postmaster.pid")")
bench_create_database cop_bench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"

phase "Running LiveBench"
set +e
dotnet "$BENCH_DLL" --repo "$COP_ROOT" --postgres "$api_cs" --out "$out" --command "$command_line" \
  ${bench_args[@]+"${bench_args[@]}"} 2>&1 | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
info "Logs and results: $out (results.md, bench.log, api.log, web.log, bare.log)"
exit "$rc"
