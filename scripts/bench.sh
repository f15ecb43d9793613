# shellcheck shell=bash
# Shared by the benchmark scripts in bench/ (run.sh, events.sh, library.sh): a throwaway
# PostgreSQL with durable defaults, a fresh database per run, and enough file descriptors.
# Needs scripts/common.sh and scripts/postgres.sh sourced first.

# Thousands of WebSocket clients and their server ends: one descriptor each, per process.
bench_raise_fd_limit() {
  local hard
  hard=$(ulimit -Hn)
  if [[ $hard == unlimited ]]; then ulimit -n 65536; else ulimit -n "$hard"; fi
  if (( $(ulimit -n) < 12000 )); then
    warn "ulimit -n is $(ulimit -n) (hard limit $hard): the larger subscriber counts may run out of file descriptors"
  fi
}

# Sets BENCH_SERVER, a server connection string: COP_BENCH_POSTGRES, or a PostgreSQL started
# here (TEST_PG_DIR, removed by test_pg_down) on a free port from the hint, with extra server
# settings as further arguments. Durable defaults (fsync, synchronous_commit on): a commit
# costs what it costs in production.
bench_postgres() { # port_hint [pg_start settings...]
  local port_hint=$1 port
  shift
  if [[ -n ${COP_BENCH_POSTGRES:-} ]]; then
    BENCH_SERVER=$COP_BENCH_POSTGRES
    info "Using the PostgreSQL server from COP_BENCH_POSTGRES"
    return
  fi
  phase "Starting a throwaway PostgreSQL"
  ensure_pg_server
  TEST_PG_DIR=$(mktemp -d /tmp/cop-bench-pg.XXXXXX)
  if pg_needs_owner_switch; then chown postgres:postgres -- "$TEST_PG_DIR"; fi
  pg_initdb "$TEST_PG_DIR/data" "$TEST_PG_DIR/initdb.log"
  port=$(free_port "$port_hint")
  pg_start "$TEST_PG_DIR/data" "$port" "$TEST_PG_DIR/postgres.log" "$@"
  BENCH_SERVER="Host=127.0.0.1;Port=$port;Username=$COP_DB_USER;Password=$COP_DB_PASSWORD;Database=postgres"
  info "PostgreSQL $(basename -- "$(dirname -- "$PG_BIN")") on 127.0.0.1:$port (data: $TEST_PG_DIR)"
}

# Creates a fresh database on BENCH_SERVER (the Api migrates it at start-up) and sets
# BENCH_DATABASE, its connection string.
bench_create_database() { # name_prefix
  local database psql_bin part
  database="$1_$(date -u +%Y%m%d%H%M%S)_$$"
  local -A cs=()
  local -a parts
  IFS=';' read -ra parts <<<"$BENCH_SERVER"
  for part in "${parts[@]}"; do [[ $part == *=* ]] && cs[${part%%=*}]=${part#*=}; done
  psql_bin=psql
  [[ -n ${PG_BIN:-} && -x $PG_BIN/psql ]] && psql_bin=$PG_BIN/psql
  command -v "$psql_bin" >/dev/null 2>&1 || { ensure_pg_server; psql_bin=$PG_BIN/psql; }
  PGPASSWORD=${cs[Password]:-} PGCONNECT_TIMEOUT=10 "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "${cs[Host]:-127.0.0.1}" \
    -p "${cs[Port]:-5432}" -U "${cs[Username]:-postgres}" -d "${cs[Database]:-postgres}" \
    -c "CREATE DATABASE $database" >/dev/null || die "could not create database $database"
  BENCH_DATABASE="Host=${cs[Host]:-127.0.0.1};Port=${cs[Port]:-5432};Username=${cs[Username]:-postgres};Password=${cs[Password]:-};Database=$database"
}

# The benchmarks drive thousands of posts, votes, uploads and searches from a handful of members,
# far past the flood limits a person never meets (src/Api/Infrastructure/RateLimiting). The
# limiter keeps running, so its cost is still measured, but with limits no bench reaches; the
# Api processes the tools start inherit this environment.
bench_lift_rate_limits() {
  local kind
  for kind in Token SignIn Account Posts Questions Votes Uploads Search Subscribe; do
    export "RateLimits__${kind}__PermitLimit=100000000"
  done
  export RateLimits__StreamsPerConnection=${RateLimits__StreamsPerConnection:-50}
}
