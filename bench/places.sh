#!/usr/bin/env bash
# bench/places.sh [--quick] [PlacesBench options...]
#
# Place page benchmark (bench/README.md): builds the Api, the Web and bench/PlacesBench in
# Release, starts a throwaway PostgreSQL (durable defaults), then runs PlacesBench, which starts
# the Api and the Web as their own processes, makes one place with 100 organisations, 1,000
# threads, 200 events and 1,000 papers through the Api, and times the place page (Api and Web).
# Exit code 2 when a p95 misses the target (50 ms).
#
#   --quick        10 organisations, 100 threads, 20 events, 100 papers, 100 samples (~2 min)
#   --no-build     use what is already built
#   anything else  passed to PlacesBench (--organisations, --threads, --events, --papers, --samples, --settle)
#
# Environment: COP_BENCH_POSTGRES, COP_BENCH_OUT as for bench/run.sh.
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
command_line="bench/places.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    --quick) bench_args+=(--organisations 10 --threads 100 --events 20 --papers 100 --samples 100 --settle 5) ;;
    -h | --help)
      sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) bench_args+=("$arg") ;;
  esac
done

BENCH_DLL=bench/PlacesBench/bin/Release/net10.0/CommunityOfPractice.PlacesBench.dll
API_DLL=src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll

require_dotnet

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
  phase "Building Api, Web and PlacesBench (Release)"
  dotnet build src/Api/Api.csproj -c Release -nologo -v q || die "the Api build failed"
  dotnet build src/Web/Web.csproj -c Release -nologo -v q || die "the Web build failed"
  dotnet build bench/PlacesBench/PlacesBench.csproj -c Release -nologo -v q || die "the PlacesBench build failed"
fi
for dll in "$BENCH_DLL" "$API_DLL"; do
  [[ -f $dll ]] || die "$dll is missing; run without --no-build"
done

bench_lift_rate_limits
bench_postgres 55533
bench_create_database cop_placebench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/places-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"

phase "Running PlacesBench"
set +e
dotnet "$BENCH_DLL" --repo "$COP_ROOT" --postgres "$api_cs" --out "$out" --command "$command_line" \
  ${bench_args[@]+"${bench_args[@]}"} 2>&1 | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
info "Logs and results: $out (results.md, bench.log, api.log, web.log)"
exit "$rc"
