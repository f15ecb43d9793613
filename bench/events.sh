#!/usr/bin/env bash
# bench/events.sh [--quick] [EventsBench options...]
#
# Events benchmark (bench/README.md): builds the Api and bench/EventsBench in Release, starts a
# throwaway PostgreSQL (durable defaults), then runs EventsBench, which starts the Api as its own
# process and drives it: 1,000 registrations racing for 100 seats, then a webinar storm of 1,000
# connected attendees on one Q&A stream with 200 votes/s and 5 questions/s for 60 s.
#
#   --quick        100 attendees, 50 votes/s for 10 s; 200 racers for 20 seats (~2 min)
#   --no-build     use what is already built
#   anything else  passed to EventsBench (--attendees, --vote-rate, --question-rate, --duration, --racers, --seats)
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

# 5,000 WebSocket clients and the Api's 5,000 server ends: one descriptor each, per process.
hard=$(ulimit -Hn)
if [[ $hard == unlimited ]]; then ulimit -n 65536; else ulimit -n "$hard"; fi
if (( $(ulimit -n) < 12000 )); then
  warn "ulimit -n is $(ulimit -n) (hard limit $hard): the larger subscriber counts may run out of file descriptors"
fi

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

if [[ -n ${COP_BENCH_POSTGRES:-} ]]; then
  server=$COP_BENCH_POSTGRES
  info "Using the PostgreSQL server from COP_BENCH_POSTGRES"
else
  phase "Starting a throwaway PostgreSQL"
  ensure_pg_server
  TEST_PG_DIR=$(mktemp -d /tmp/cop-bench-pg.XXXXXX)
  if pg_needs_owner_switch; then chown postgres:postgres -- "$TEST_PG_DIR"; fi
  pg_initdb "$TEST_PG_DIR/data" "$TEST_PG_DIR/initdb.log"
  port=$(free_port 55532)
  # Durable defaults (fsync, synchronous_commit on): a reply's commit costs what it costs in production.
  pg_start "$TEST_PG_DIR/data" "$port" "$TEST_PG_DIR/postgres.log" -c max_connections=300
  server="Host=127.0.0.1;Port=$port;Username=$COP_DB_USER;Password=$COP_DB_PASSWORD;Database=postgres"
  info "PostgreSQL $(basename -- "$(dirname -- "$PG_BIN")") on 127.0.0.1:$port (data: $TEST_PG_DIR)"
fi

# A fresh database for this run (the Api migrates it at start-up).
database="cop_evbench_$(date -u +%Y%m%d%H%M%S)_$$"
declare -A cs=()
IFS=';' read -ra parts <<<"$server"
for part in "${parts[@]}"; do [[ $part == *=* ]] && cs[${part%%=*}]=${part#*=}; done
psql_bin=psql
[[ -n $PG_BIN && -x $PG_BIN/psql ]] && psql_bin=$PG_BIN/psql
command -v "$psql_bin" >/dev/null 2>&1 || { ensure_pg_server; psql_bin=$PG_BIN/psql; }
PGPASSWORD=${cs[Password]:-} PGCONNECT_TIMEOUT=10 "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "${cs[Host]:-127.0.0.1}" \
  -p "${cs[Port]:-5432}" -U "${cs[Username]:-postgres}" -d "${cs[Database]:-postgres}" \
  -c "CREATE DATABASE $database" >/dev/null || die "could not create database $database"
api_cs="Host=${cs[Host]:-127.0.0.1};Port=${cs[Port]:-5432};Username=${cs[Username]:-postgres};Password=${cs[Password]:-};Database=$database"

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
