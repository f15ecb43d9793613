#!/usr/bin/env bash
# bench/library.sh [--no-build] [LibraryBench options...]
#
# Library benchmark (bench/README.md): builds the Api and bench/LibraryBench in Release, starts a
# throwaway PostgreSQL (durable defaults) and the Api as its own process on a loopback port, then
# LibraryBench uploads synthetic papers (10,000 by default), waits for their text extraction and
# times 50 fixed searches at the Api. Exit code 2 when search p95 misses the target (50 ms).
#
#   --papers N        how many papers (default 10000)
#   --concurrency N   parallel uploads (default 4)
#   --repetitions N   rounds of the 50 searches (default 20)
#   --no-build        use what is already built
#
# Environment:
#   COP_BENCH_POSTGRES  a PostgreSQL *server* connection string (its user may CREATE DATABASE);
#                       when set, no local PostgreSQL is started.
#   COP_BENCH_OUT       where logs and results.md go (default .cop/bench/library-<UTC time>)
set -euo pipefail

COP_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$COP_ROOT"
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
command_line="bench/library.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    -h | --help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_args+=("$arg") ;;
  esac
done

BENCH_DLL=bench/LibraryBench/bin/Release/net10.0/CommunityOfPractice.LibraryBench.dll
API_DLL=src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll
API_PID=''
WORK_DIR=$(mktemp -d /tmp/cop-library-bench.XXXXXX)

require_dotnet

# shellcheck disable=SC2317  # run by the EXIT trap
bench_on_exit() {
  local rc=$?
  trap '' INT TERM
  [[ -n $API_PID ]] && stop_pid "$API_PID" Api 20
  test_pg_down
  rm -rf -- "$WORK_DIR"
  print_phase_times
  exit "$rc"
}
trap bench_on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( build )); then
  phase "Building Api and LibraryBench (Release)"
  dotnet build src/Api/Api.csproj -c Release -nologo -v q || die "the Api build failed"
  dotnet build bench/LibraryBench/LibraryBench.csproj -c Release -nologo -v q || die "the LibraryBench build failed"
fi

bench_lift_rate_limits
bench_postgres 55632
bench_create_database cop_library_bench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/library-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"
api_port=$(free_port 5581)
phase "Starting the Api on 127.0.0.1:$api_port"
(cd src/Api && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  ConnectionStrings__Postgres="$api_cs" Admin__Email=admin@bench.communityofpractice.org.uk Admin__Password='Bench-pass-2026!' \
  Admin__DisplayName='Bench Admin' Library__StoragePath="$WORK_DIR/library" Oidc__AccessTokenLifetime=04:00:00 Community__Joining=Open \
  Logging__LogLevel__Default=Warning dotnet "bin/Release/net10.0/CommunityOfPractice.Api.dll") >"$out/api.log" 2>&1 </dev/null &
API_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && break
  pid_alive "$API_PID" || { show_log_tail "$out/api.log" 40; die "the Api stopped"; }
  sleep 1
done

phase "Running LibraryBench"
set +e
dotnet "$BENCH_DLL" --api "http://127.0.0.1:$api_port" --postgres "$api_cs" --out "$out" --command "$command_line" \
  ${bench_args[@]+"${bench_args[@]}"} 2>&1 | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
info "Logs and results: $out (results.md, queries.tsv, bench.log, api.log)"
exit "$rc"
