#!/usr/bin/env bash
# bench/events.sh [--quick] [EventsBench options...]
#
# Events benchmark (bench/README.md): builds the Api and bench/EventsBench in Release, starts a
# throwaway PostgreSQL (durable defaults), then runs EventsBench, which starts the Api as its own
# process and drives it: 1,000 registrations racing for 100 seats, then a webinar storm of 1,000
# connected attendees on one Q&A stream with 1,000 votes/s and 5 questions/s for 60 s (issue 13).
#
#   --quick        100 attendees, 50 votes/s for 10 s; 200 racers for 20 seats (~2 min)
#   --no-build     use what is already built
#   anything else  passed to EventsBench (--attendees, --vote-rate, --question-rate, --duration, --racers, --seats,
#                  --max-in-flight: votes waiting for an answer at most, default 256)
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
command_line="bench/events.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) bench_args+=("$arg") ;;
  esac
done

BENCH_DLL=bench/EventsBench/bin/Release/net10.0/CommunityOfPractice.EventsBench.dll
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
  phase "Building Api and EventsBench (Release)"
  dotnet build src/Api/Api.csproj -c Release -nologo -v q || die "the Api build failed"
  dotnet build bench/EventsBench/EventsBench.csproj -c Release -nologo -v q || die "the EventsBench build failed"
fi
for dll in "$BENCH_DLL" "$API_DLL"; do
  [[ -f $dll ]] || die "$dll is missing; run without --no-build"
done

bench_lift_rate_limits
bench_postgres 55532 -c max_connections=300
bench_create_database cop_evbench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/events-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"

phase "Running EventsBench"
set +e
dotnet "$BENCH_DLL" --repo "$COP_ROOT" --postgres "$api_cs" --out "$out" --command "$command_line" \
  ${bench_args[@]+"${bench_args[@]}"} 2>&1 | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
info "Logs and results: $out (results.md, bench.log, api.log)"
exit "$rc"
