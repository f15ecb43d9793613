#!/usr/bin/env bash
# bench/hostile-files.sh [--no-build]
#
# Hostile-file benchmark (bench/README.md, docs/decisions/0013): builds the Api and
# bench/LibraryBench in Release, starts a throwaway PostgreSQL and the Api as its own process on a
# loopback port, then LibraryBench --hostile uploads each generated hostile PDF (a flate bomb, the
# bomb on page 2, 100,000 pages, deep nesting, a text flood; tests/Testing/HostilePdfs.cs) one
# after another, samples the Api's resident memory (/proc/<pid>/status VmRSS) and its PDF readers',
# times /health/ready throughout, and prints per fixture the outcome, the peak growth and the
# slowest readiness answer. Exit code 2 when a fixture misses a target (growth < 256 MB, ready
# within 1 s) or the Api is gone afterwards.
#
#   --no-build        use what is already built
#
# Environment:
#   COP_BENCH_POSTGRES  a PostgreSQL *server* connection string (its user may CREATE DATABASE);
#                       when set, no local PostgreSQL is started.
#   COP_BENCH_OUT       where logs and results.md go (default .cop/bench/hostile-<UTC time>)
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
command_line="bench/hostile-files.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    -h | --help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done

BENCH_DLL=bench/LibraryBench/bin/Release/net10.0/CommunityOfPractice.LibraryBench.dll
API_PID=''
WORK_DIR=$(mktemp -d /tmp/cop-hostile-bench.XXXXXX)

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

bench_postgres 55642
bench_create_database cop_hostile_bench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/hostile-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"
api_port=$(free_port 5591)
phase "Starting the Api on 127.0.0.1:$api_port"
# Production's reader settings (the defaults); uploads up to 16 MB so the 100,000 pages (8 MB) reach the reader.
(cd src/Api && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  ConnectionStrings__Postgres="$api_cs" Admin__Email=admin@bench.communityofpractice.org.uk Admin__Password='Bench-pass-2026!' \
  Admin__DisplayName='Bench Admin' Library__StoragePath="$WORK_DIR/library" Library__MaxUploadBytes=16777216 \
  Oidc__AccessTokenLifetime=04:00:00 Logging__LogLevel__Default=Warning \
  Logging__LogLevel__CommunityOfPractice.Api.Features.Library=Information \
  dotnet "bin/Release/net10.0/CommunityOfPractice.Api.dll") >"$out/api.log" 2>&1 </dev/null &
API_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && break
  pid_alive "$API_PID" || { show_log_tail "$out/api.log" 40; die "the Api stopped"; }
  sleep 1
done

phase "Running LibraryBench --hostile"
set +e
dotnet "$BENCH_DLL" --hostile --api "http://127.0.0.1:$api_port" --api-pid "$API_PID" --out "$out" --command "$command_line" 2>&1 \
  | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
pid_alive "$API_PID" || { error "the Api is gone"; rc=2; }
info "Logs and results: $out (results.md, bench.log, api.log)"
exit "$rc"
