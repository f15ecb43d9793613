# shellcheck shell=bash
# Shared by the fault scripts in bench/faults (docs/operations.md): a throwaway PostgreSQL, the
# Release Api started and killed as a process of its own on a loopback port, the load driver
# (`LiveBench faults`, bench/LiveBench/Faults.cs), a time limit on the whole script, and the one
# result line. Each script sources this file, then calls faults_init first.
#
# Environment every script reads:
#   COP_FAULTS_SUBSCRIBERS  readers of the thread (default 1000; e.g. 50 for a functional run)
#   COP_FAULTS_BEFORE / COP_FAULTS_AFTER   seconds of load before and after the fault (10 / 10)
#   COP_FAULTS_RATE         posts per second, the 4 writers together (default 20)
#   COP_FAULTS_LIMIT        seconds the whole script may take before it stops itself (default 900)
#   COP_FAULTS_NO_BUILD=1   use what is built already
#   COP_BENCH_POSTGRES      a PostgreSQL server to use instead of a throwaway one (as bench/run.sh);
#                           the scripts that restart PostgreSQL need their own and refuse it

FAULTS_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
COP_ROOT=$FAULTS_ROOT
# shellcheck source=scripts/common.sh
source "$FAULTS_ROOT/scripts/common.sh"
# shellcheck source=scripts/postgres.sh
source "$FAULTS_ROOT/scripts/postgres.sh"
# shellcheck source=scripts/bench.sh
source "$FAULTS_ROOT/scripts/bench.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1} DOTNET_CLI_USE_MSBUILD_SERVER=${DOTNET_CLI_USE_MSBUILD_SERVER:-0}

FAULTS_API_DLL=$FAULTS_ROOT/src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll
FAULTS_BENCH_DLL=$FAULTS_ROOT/bench/LiveBench/bin/Release/net10.0/CommunityOfPractice.LiveBench.dll
FAULTS_NAME=''
FAULTS_OUT=''
FAULTS_API_PID=''
FAULTS_API_PORT=''
FAULTS_API_URL=''
FAULTS_DRIVER_PID=''
FAULTS_WATCHDOG_PID=''
FAULTS_PG_PORT=''
FAULTS_DB=''
FAULTS_DB_CS=''
FAULTS_API_ENV=()
FAULTS_CHILDREN=()

# faults_init NAME: the output folder, the time limit, and a clean-up of everything started here.
faults_init() { # name
  FAULTS_NAME=$1
  FAULTS_OUT=${COP_FAULTS_OUT:-$FAULTS_ROOT/.cop/faults/$1-$(date -u +%Y%m%d-%H%M%S)}
  mkdir -p -- "$FAULTS_OUT/control"
  cd -- "$FAULTS_ROOT"
  bench_raise_fd_limit
  trap faults_on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # The script stops itself however the fault goes.
  local limit=${COP_FAULTS_LIMIT:-900} self=$$
  (sleep "$limit" && echo "$limit" >"$FAULTS_OUT/timed-out" && kill -TERM "$self") >/dev/null 2>&1 &
  FAULTS_WATCHDOG_PID=$!
  info "faults: $1 (output: $FAULTS_OUT; time limit ${limit} s)"
}

# shellcheck disable=SC2317  # run by the EXIT trap
faults_on_exit() {
  local rc=$? pid
  trap '' INT TERM
  if [[ -e $FAULTS_OUT/timed-out ]]; then
    echo "faults: $FAULTS_NAME stopped by its time limit of $(<"$FAULTS_OUT/timed-out") s (COP_FAULTS_LIMIT); see $FAULTS_OUT" | tee -a "$FAULTS_OUT/result.txt"
  fi
  [[ -n $FAULTS_DRIVER_PID ]] && pid_alive "$FAULTS_DRIVER_PID" && kill -TERM "$FAULTS_DRIVER_PID" 2>/dev/null
  [[ -n $FAULTS_API_PID ]] && stop_pid "$FAULTS_API_PID" Api 10
  faults_scale_down
  for pid in "${FAULTS_CHILDREN[@]}"; do stop_pid "$pid" "pid $pid" 10; done
  test_pg_down
  [[ -n $FAULTS_WATCHDOG_PID ]] && kill "$FAULTS_WATCHDOG_PID" 2>/dev/null
  exit "$rc"
}

# Release builds of the Api and LiveBench (COP_FAULTS_NO_BUILD=1 skips them).
faults_build() {
  require_dotnet
  if [[ ${COP_FAULTS_NO_BUILD:-0} != 1 ]]; then
    info "Building the Api and LiveBench (Release)"
    dotnet build src/Api/Api.csproj -c Release -nologo -v q >"$FAULTS_OUT/build.log" 2>&1 \
      || { show_log_tail "$FAULTS_OUT/build.log" 30; die "the Api build failed"; }
    dotnet build bench/LiveBench/LiveBench.csproj -c Release -nologo -v q >>"$FAULTS_OUT/build.log" 2>&1 \
      || { show_log_tail "$FAULTS_OUT/build.log" 30; die "the LiveBench build failed"; }
  fi
  [[ -f $FAULTS_API_DLL && -f $FAULTS_BENCH_DLL ]] || die "the Release builds are missing; run without COP_FAULTS_NO_BUILD"
}

# A PostgreSQL with durable defaults and a fresh database: FAULTS_DB_CS, FAULTS_DB, FAULTS_PG_PORT.
# With own=1 the cluster must be this script's (TEST_PG_DIR), because the script restarts it.
faults_postgres() { # [own]
  if [[ ${1:-} == own && -n ${COP_BENCH_POSTGRES:-} ]]; then
    die "this script restarts PostgreSQL: unset COP_BENCH_POSTGRES so that it starts its own"
  fi
  # Ports below the ephemeral range (32768 and up): thousands of client sockets of a run (or of
  # another one on the machine) must not be holding the port PostgreSQL is about to bind.
  bench_postgres 15632 -c max_connections=300
  bench_create_database "cop_${FAULTS_NAME//-/_}"
  FAULTS_DB_CS=$BENCH_DATABASE
  FAULTS_DB=${BENCH_DATABASE##*Database=}
  FAULTS_PG_PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BENCH_DATABASE")
}

# psql on the fault database, unaligned, tuples only.
faults_sql() { # sql
  local psql=psql
  [[ -n ${PG_BIN:-} && -x $PG_BIN/psql ]] && psql=$PG_BIN/psql
  PGPASSWORD=$COP_DB_PASSWORD PGCONNECT_TIMEOUT=10 "$psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$FAULTS_PG_PORT" -U "$COP_DB_USER" -d "${FAULTS_SQL_DB:-$FAULTS_DB}" -c "$1"
}

# Starts the Api (Release, its own process) on FAULTS_API_PORT (chosen on the first start, kept
# after) against FAULTS_DB_CS (or $1), with FAULTS_API_ENV as extra NAME=VALUE entries; waits for
# /health/ready. Sets FAULTS_API_PID and FAULTS_API_URL. The per-member limits on posts and hub
# subscribes are lifted: 4 scripted writers post 300 times a minute each, and a thousand readers
# sharing 20 members' tokens all subscribe again after a fault.
faults_api_start() { # [connection string]
  local cs=${1:-$FAULTS_DB_CS}
  [[ -n $FAULTS_API_PORT ]] || FAULTS_API_PORT=$(free_port 15700)
  FAULTS_API_URL=http://127.0.0.1:$FAULTS_API_PORT
  (cd src/Api && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$FAULTS_API_URL" \
    ConnectionStrings__Postgres="$cs" \
    Admin__Email=admin@faults.communityofpractice.org.uk Admin__Password=Faults-admin-2026! \
    Web__BaseUrl=http://localhost:1 Seed__Demo=false Community__Joining=Open \
    Oidc__AccessTokenLifetime=04:00:00 \
    RateLimits__Posts__PermitLimit=1000000 RateLimits__Subscribe__PermitLimit=1000000 \
    ${FAULTS_API_ENV[@]+"${FAULTS_API_ENV[@]}"} \
    dotnet "$FAULTS_API_DLL") >>"$FAULTS_OUT/api.log" 2>&1 </dev/null &
  FAULTS_API_PID=$!
  echo "---- Api started (pid $FAULTS_API_PID) at $(date -u +%T)" >>"$FAULTS_OUT/api.log"
}

faults_api_wait_ready() { # [seconds]
  wait_for_http_200 Api "$FAULTS_API_URL/health/ready" "$FAULTS_API_PID" "$FAULTS_OUT/api.log" "${1:-180}" || exit 1
}

# kill -9: no shutdown, no releasing of anything it held.
faults_api_kill() {
  info "kill -9 the Api (pid $FAULTS_API_PID)"
  kill -KILL "$FAULTS_API_PID" 2>/dev/null || true
  wait "$FAULTS_API_PID" 2>/dev/null || true
}

# Starts the load driver in the background against $1 with extra LiveBench faults options.
faults_driver_start() { # url [options...]
  local url=$1
  shift
  dotnet "$FAULTS_BENCH_DLL" faults --url "$url" --control "$FAULTS_OUT/control" \
    --subscribers "${COP_FAULTS_SUBSCRIBERS:-1000}" --rate "${COP_FAULTS_RATE:-20}" --before "${COP_FAULTS_BEFORE:-10}" --after "${COP_FAULTS_AFTER:-10}" \
    "$@" >"$FAULTS_OUT/driver.out" 2>"$FAULTS_OUT/driver.log" </dev/null &
  FAULTS_DRIVER_PID=$!
  info "load driver started (pid $FAULTS_DRIVER_PID, log $FAULTS_OUT/driver.log)"
}

# Every second, PostgreSQL's sessions on the fault database by state (pg-activity.log): what
# holds the Api's connections while the fault lasts.
faults_monitor_pg() {
  (while sleep 1; do
    printf '%s ' "$(date -u +%T)"
    faults_sql "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT COALESCE(state, '?') AS state, count(*) AS n
      FROM pg_stat_activity WHERE datname = '$FAULTS_DB' GROUP BY 1 ORDER BY 1) t" 2>&1 | head -1 || true
  done) >>"$FAULTS_OUT/pg-activity.log" 2>&1 </dev/null &
  FAULTS_CHILDREN+=("$!")
}

# Waits for a file to appear; fails when the driver (if any) has exited or the time is up.
faults_wait_file() { # file seconds
  local file=$1 until=$(( SECONDS + $2 ))
  while [[ ! -e $file ]]; do
    if [[ -n $FAULTS_DRIVER_PID ]] && ! pid_alive "$FAULTS_DRIVER_PID"; then
      show_log_tail "$FAULTS_OUT/driver.log" 40
      die "the load driver ended before $(basename -- "$file")"
    fi
    (( SECONDS < until )) || die "no $(basename -- "$file") within $2 s"
    sleep 0.1
  done
}

# The driver asks for the fault (control/loaded); the script injects it, then says it is over.
faults_wait_loaded() { faults_wait_file "$FAULTS_OUT/control/loaded" "${1:-600}"; }
faults_recovered() { : >"$FAULTS_OUT/control/recovered"; }

# Waits for the driver's result and reads it into FAULT_<name> variables.
faults_wait_result() {
  local rc=0 line
  wait "$FAULTS_DRIVER_PID" || rc=$?
  FAULTS_DRIVER_PID=''
  [[ -f $FAULTS_OUT/control/result.env ]] || { show_log_tail "$FAULTS_OUT/driver.log" 40; die "the load driver gave no result (exit $rc)"; }
  while IFS= read -r line; do
    [[ $line == *=* ]] && printf -v "FAULT_${line%%=*}" '%s' "${line#*=}"
  done <"$FAULTS_OUT/control/result.env"
}

# Posts of the run's thread stored twice (the same body more than once), and posts without
# their post.added event or events without their post (half-written).
faults_check_storage() {
  local thread=$FAULT_thread
  FAULT_stored_twice=$(faults_sql "SELECT COALESCE(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM posts
    WHERE thread_id = '$thread' GROUP BY markdown HAVING count(*) > 1) t")
  FAULT_half_written=$(faults_sql "SELECT
      (SELECT count(*) FROM posts p WHERE p.thread_id = '$thread' AND NOT EXISTS (SELECT 1 FROM stream_events e
        WHERE e.stream = 'thread:$thread' AND e.kind = 'post.added' AND (e.data->>'id')::uuid = p.id))
    + (SELECT count(*) FROM stream_events e WHERE e.stream = 'thread:$thread' AND e.kind = 'post.added'
        AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = (e.data->>'id')::uuid))")
}

# The one line every fault script ends with; exit status 0 only when nothing was lost or doubled.
faults_print() { # extra text
  local line="faults: $FAULTS_NAME lost ${FAULT_lost:-?} dup ${FAULT_dup:-?} stored-twice ${FAULT_stored_twice:-?}"
  line+=" recovery p95 ${FAULT_recovery_p95:-?} s max ${FAULT_recovery_max:-?} s${1:+ $1}"
  echo "$line" | tee -a "$FAULTS_OUT/result.txt"
  [[ ${FAULT_lost:-1} == 0 && ${FAULT_dup:-1} == 0 && ${FAULT_stored_twice:-1} == 0 && ${FAULT_unrecovered:-0} == 0 \
    && ${FAULT_half_written:-0} == 0 && ${FAULT_posts_failed:-0} == 0 ]]
}

# ------------------------------------------------------------- two of everything (./cop run --instances)

FAULTS_SCALE_OURS=0
FAULTS_URL=''

# LiveBench alone in Release (the scaled run builds the Api and the Web itself, in Release too:
# COP_RUN_CONFIGURATION, set in faults_scale_up).
faults_build_bench() {
  require_dotnet
  if [[ ${COP_FAULTS_NO_BUILD:-0} != 1 ]]; then
    info "Building LiveBench (Release)"
    dotnet build bench/LiveBench/LiveBench.csproj -c Release -nologo -v q >"$FAULTS_OUT/build.log" 2>&1 \
      || { show_log_tail "$FAULTS_OUT/build.log" 30; die "the LiveBench build failed"; }
  fi
  [[ -f $FAULTS_BENCH_DLL ]] || die "$FAULTS_BENCH_DLL is missing; run without COP_FAULTS_NO_BUILD"
}

# Uses the `./cop run --instances 2` answering on COP_API_PORT, or starts one (on ports of its
# own, so as not to meet a run someone else has on the usual ones) and stops it at the end.
# Sets FAULTS_URL (the balancer in front of the Apis), FAULTS_PG_PORT and FAULTS_DB.
faults_scale_up() {
  # Under load the Api runs optimised, as deployed (./cop run's Debug default is for working on it).
  export COP_RUN_CONFIGURATION=${COP_RUN_CONFIGURATION:-Release}
  # No mail catcher on the measured cores: it took 40 % of one receiving the notification emails
  # of 20 posts/s (mail waits in the outbox instead; outbox-restart has its own SMTP sink).
  export COP_MAIL_CATCHER=${COP_MAIL_CATCHER:-0}
  export COP_WEB_PORT=${COP_WEB_PORT:-5480} COP_API_PORT=${COP_API_PORT:-5481} COP_REDIS_PORT=${COP_REDIS_PORT:-6490}
  export COP_INSTANCE_PORT_BASE=${COP_INSTANCE_PORT_BASE:-5400} COP_MAIL_PORT=${COP_MAIL_PORT:-5482} COP_SMTP_PORT=${COP_SMTP_PORT:-5483}
  # Read by every instance (./cop passes its environment on): see faults_api_start.
  export Community__Joining=Open Oidc__AccessTokenLifetime=04:00:00
  export RateLimits__Posts__PermitLimit=1000000 RateLimits__Subscribe__PermitLimit=1000000
  FAULTS_URL=http://127.0.0.1:$COP_API_PORT
  if curl -sf --max-time 3 -o /dev/null "$FAULTS_URL/health/ready"; then
    info "using the platform already answering on $FAULTS_URL (its instances need the settings above for a fair run)"
  else
    info "Starting ./cop run --instances 2 (Api behind $FAULTS_URL, log $FAULTS_OUT/cop-run.log)"
    local build=()
    [[ ${COP_FAULTS_NO_BUILD:-0} == 1 ]] && build=(--no-build)
    (exec setsid ./cop run --instances 2 ${build[@]+"${build[@]}"}) >"$FAULTS_OUT/cop-run.log" 2>&1 </dev/null &
    FAULTS_SCALE_OURS=1
    FAULTS_CHILDREN+=("$!")
    local until=$(( SECONDS + 600 ))
    until curl -sf --max-time 3 -o /dev/null "$FAULTS_URL/health/ready"; do
      pid_alive "${FAULTS_CHILDREN[-1]}" || { show_log_tail "$FAULTS_OUT/cop-run.log" 40; die "./cop run --instances 2 ended"; }
      (( SECONDS < until )) || die "the balanced Api did not become ready within 600 s"
      sleep 2
    done
  fi
  FAULTS_PG_PORT=$(<"$FAULTS_ROOT/.cop/pgport")
  FAULTS_DB=$COP_DB_NAME
  ./cop scale status | sed 's/^/    /' >&2
}

# On exit: stop the scaled run if this script started it.
faults_scale_down() {
  if (( FAULTS_SCALE_OURS )); then
    ./cop stop >>"$FAULTS_OUT/cop-run.log" 2>&1 || true
    FAULTS_SCALE_OURS=0
  fi
}
