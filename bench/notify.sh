#!/usr/bin/env bash
# bench/notify.sh [--quick] [NotifyBench options...]
#
# Notification benchmark (bench/README.md): builds the Api and bench/NotifyBench in Release,
# starts a throwaway PostgreSQL (durable defaults), then runs NotifyBench, which starts the Api as
# its own process twice (notifications off, then on), makes 1,000 members following one thread,
# posts 20 replies/s for 60 s and reports notifications written/s, emails accepted by a real SMTP
# server, the reply → notification and notification → SMTP lags, and the reply latency of both runs.
# Exit code 2 when the reply p95 with notifications is more than 1.2 × without.
#
#   --quick        100 members, 20 s (~1 min)
#   --no-build     use what is already built
#   anything else  passed to NotifyBench (--members, --rate, --seconds, --followers-choose InApp,
#                  --no-send: mail is queued but no SMTP server is configured)
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
command_line="bench/notify.sh"
for arg in "$@"; do
  command_line+=" $arg"
  case $arg in
    --no-build) build=0 ;;
    --quick) bench_args+=(--members 100 --seconds 20) ;;
    -h | --help)
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) bench_args+=("$arg") ;;
  esac
done

BENCH_DLL=bench/NotifyBench/bin/Release/net10.0/CommunityOfPractice.NotifyBench.dll
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
  phase "Building Api and NotifyBench (Release)"
  dotnet build src/Api/Api.csproj -c Release -nologo -v q || die "the Api build failed"
  dotnet build bench/NotifyBench/NotifyBench.csproj -c Release -nologo -v q || die "the NotifyBench build failed"
fi
for dll in "$BENCH_DLL" "$API_DLL"; do
  [[ -f $dll ]] || die "$dll is missing; run without --no-build"
done

bench_lift_rate_limits
bench_postgres 55534
bench_create_database cop_notifybench
api_cs=$BENCH_DATABASE

out=${COP_BENCH_OUT:-$COP_STATE/bench/notify-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p -- "$out"

phase "Running NotifyBench"
set +e
dotnet "$BENCH_DLL" --repo "$COP_ROOT" --postgres "$api_cs" --out "$out" --command "$command_line" \
  ${bench_args[@]+"${bench_args[@]}"} 2>&1 | tee "$out/bench.log"
rc=${PIPESTATUS[0]}
set -e
phase_end
info "Logs and results: $out (results.md, bench.log, api-off.log, api-on.log)"
exit "$rc"
