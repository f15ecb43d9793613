# shellcheck shell=bash
# PostgreSQL helpers for ./cop: find or install the server binaries, and run a
# private cluster (initdb / pg_ctl) owned by the current user, or by the
# `postgres` system user when running as root (initdb refuses to run as root).
# Every cluster: superuser cop / password cop, trust on the unix socket,
# scram-sha-256 over TCP, listening on 127.0.0.1 only, socket inside its data dir.

COP_DB_USER=cop
COP_DB_PASSWORD=cop
COP_DB_NAME=community_of_practice

PG_BIN=''

# Newest /usr/lib/postgresql/<version>/bin that has pg_ctl and initdb.
pg_find_bindir() {
  local dir best=''
  while IFS= read -r dir; do
    [[ -x $dir/pg_ctl && -x $dir/initdb && -x $dir/postgres ]] && best=$dir
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  [[ -n $best ]] || return 1
  PG_BIN=$best
}

# Make sure the server binaries are present (apt-get install postgresql if not).
ensure_pg_server() {
  pg_find_bindir && return 0
  apt_install postgresql || die "could not install the 'postgresql' package"
  pg_find_bindir || die "installed 'postgresql' but found no /usr/lib/postgresql/*/bin/pg_ctl"
}

# Root runs PostgreSQL as the `postgres` system user.
pg_needs_owner_switch() { is_root; }

# Run a PostgreSQL binary as the cluster owner (from / so that `postgres` never
# complains about an unreadable working directory).
pg_as_owner() { # command...
  if pg_needs_owner_switch; then
    id -u postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user (is the postgresql package installed?)"
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# Create an (empty or existing) directory for a cluster, owned by the cluster owner, mode 700.
pg_prepare_dir() { # dir
  mkdir -p -- "$1"
  chmod 700 -- "$1"
  if pg_needs_owner_switch; then chown postgres:postgres -- "$1"; fi
}

# initdb a cluster into $1 unless it already holds one. Log goes to $2.
pg_initdb() { # datadir logfile
  local datadir=$1 log=$2 pwfile sockdir locale_opt
  [[ -f $datadir/PG_VERSION ]] && return 0
  pg_prepare_dir "$datadir"
  pwfile=$(mktemp "${TMPDIR:-/tmp}/cop-pgpw.XXXXXX")
  printf '%s\n' "$COP_DB_PASSWORD" >"$pwfile"
  if pg_needs_owner_switch; then chown postgres -- "$pwfile"; fi
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale_opt=--locale=C.UTF-8; else locale_opt=--no-locale; fi
  if ! pg_as_owner "$PG_BIN/initdb" -D "$datadir" -U "$COP_DB_USER" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 "$locale_opt" >"$log" 2>&1; then
    rm -f -- "$pwfile"
    show_log_tail "$log"
    # Leave an empty directory behind so that the next attempt can initdb again.
    find "$datadir" -mindepth 1 -delete 2>/dev/null || true
    die "initdb failed for $datadir (log: $log)"
  fi
  rm -f -- "$pwfile"
  # Socket inside the data dir (owned by the cluster owner), unless that path is
  # too long for a unix socket (108 bytes), in which case TCP only.
  sockdir=$datadir
  (( ${#sockdir} + 20 > 107 )) && sockdir=''
  cat >>"$datadir/postgresql.conf" <<CONF

# ---- added by ./cop ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '${sockdir//\'/\'\'}'
CONF
}

# Exit status of `pg_ctl status`: 0 running, 3 stopped, 4 no cluster there.
pg_is_running() { # datadir
  [[ -f $1/PG_VERSION ]] || return 1
  [[ -n $PG_BIN ]] || pg_find_bindir || return 1
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# The port a running cluster listens on (4th line of postmaster.pid).
pg_running_port() { # datadir
  sed -n 4p -- "$1/postmaster.pid" 2>/dev/null
}

# Start a cluster on $2, appending server output to $3; extra args are `postgres` options.
# The log is opened by us (not by the cluster owner), so it may live anywhere we can write.
pg_start() { # datadir port logfile [postgres options...]
  local datadir=$1 port=$2 log=$3
  shift 3
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -w -t 90 -o "-p $port $*" start >>"$log" 2>&1 </dev/null; then
    show_log_tail "$log"
    die "PostgreSQL did not start (data: $datadir, port $port, log: $log)"
  fi
}

pg_stop() { # datadir [mode]
  pg_is_running "$1" || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w -t 60 stop >/dev/null
}

# psql against a cluster on 127.0.0.1 as the cop superuser.
pg_psql() { # port dbname [psql args...]
  local port=$1 db=$2
  shift 2
  local psql=psql
  [[ -n $PG_BIN && -x $PG_BIN/psql ]] && psql=$PG_BIN/psql
  PGPASSWORD=$COP_DB_PASSWORD PGCONNECT_TIMEOUT=10 "$psql" -X -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U "$COP_DB_USER" -d "$db" "$@"
}

# ------------------------------------------------------------- project-local cluster (./cop run)

# Where ./cop run keeps its cluster: .cop/pgdata, unless we are root and the
# `postgres` user cannot reach .cop/ (e.g. a repository under /root); then a
# directory under /var/lib/community-of-practice keyed by the repository path.
local_pg_datadir() {
  if is_root && id -u postgres >/dev/null 2>&1; then
    mkdir -p -- "$COP_STATE"
    if ! runuser -u postgres -- test -x "$COP_STATE" 2>/dev/null; then
      local key
      key=$(printf '%s' "$COP_ROOT" | sha256sum | cut -c1-12)
      echo "/var/lib/community-of-practice/$key/pgdata"
      return 0
    fi
  fi
  echo "$COP_STATE/pgdata"
}

# Start (initialising on first use) the project-local cluster and create the
# application database. Sets LOCAL_PG_DATADIR, LOCAL_PG_PORT, LOCAL_PG_STARTED (1 if we started it).
local_pg_up() {
  LOCAL_PG_STARTED=0
  ensure_pg_server
  mkdir -p -- "$COP_STATE"
  LOCAL_PG_DATADIR=$(local_pg_datadir)
  if [[ $LOCAL_PG_DATADIR != "$COP_STATE"/* ]]; then
    info "The postgres user cannot reach $COP_STATE; the local database lives in $LOCAL_PG_DATADIR"
    mkdir -p -- "$(dirname -- "$LOCAL_PG_DATADIR")"
    chmod 755 -- "$(dirname -- "$LOCAL_PG_DATADIR")"
  fi
  if [[ ! -f $LOCAL_PG_DATADIR/PG_VERSION ]]; then
    info "Creating the local PostgreSQL cluster in $LOCAL_PG_DATADIR"
    pg_initdb "$LOCAL_PG_DATADIR" "$COP_STATE/initdb.log"
  fi

  if pg_is_running "$LOCAL_PG_DATADIR"; then
    LOCAL_PG_PORT=$(pg_running_port "$LOCAL_PG_DATADIR")
    info "Local PostgreSQL already running on port $LOCAL_PG_PORT"
  else
    LOCAL_PG_PORT=$(cat -- "$COP_STATE/pgport" 2>/dev/null || true)
    if ! is_port_number "${LOCAL_PG_PORT:-x}" || port_in_use "$LOCAL_PG_PORT"; then
      [[ -n $LOCAL_PG_PORT ]] && info "Port $LOCAL_PG_PORT is taken now; choosing another for the local PostgreSQL"
      LOCAL_PG_PORT=$(free_port 5433)
    fi
    info "Starting local PostgreSQL on 127.0.0.1:$LOCAL_PG_PORT (log: $COP_STATE/postgres.log)"
    pg_start "$LOCAL_PG_DATADIR" "$LOCAL_PG_PORT" "$COP_STATE/postgres.log"
    LOCAL_PG_STARTED=1
  fi
  echo "$LOCAL_PG_PORT" >"$COP_STATE/pgport"

  if [[ $(pg_psql "$LOCAL_PG_PORT" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$COP_DB_NAME'") != 1 ]]; then
    info "Creating database $COP_DB_NAME"
    pg_psql "$LOCAL_PG_PORT" postgres -q -c "CREATE DATABASE $COP_DB_NAME" >/dev/null
  fi
}

local_pg_connection_string() { # port
  echo "Host=127.0.0.1;Port=$1;Database=$COP_DB_NAME;Username=$COP_DB_USER;Password=$COP_DB_PASSWORD"
}

local_pg_down() {
  pg_find_bindir || return 0
  local datadir
  datadir=$(local_pg_datadir)
  if pg_is_running "$datadir"; then
    info "Stopping local PostgreSQL ($datadir)"
    pg_stop "$datadir" fast
  fi
}

# ------------------------------------------------------------- throwaway cluster (./cop test)

TEST_PG_DIR=''

# initdb + start a throwaway cluster tuned for tests; exports COP_TEST_POSTGRES.
test_pg_up() {
  ensure_pg_server
  TEST_PG_DIR=$(mktemp -d /tmp/cop-test-pg.XXXXXX)
  if pg_needs_owner_switch; then chown postgres:postgres -- "$TEST_PG_DIR"; fi
  pg_initdb "$TEST_PG_DIR/data" "$TEST_PG_DIR/initdb.log"
  local port
  port=$(free_port 55432)
  pg_start "$TEST_PG_DIR/data" "$port" "$TEST_PG_DIR/postgres.log" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300
  COP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$COP_DB_USER;Password=$COP_DB_PASSWORD;Database=postgres"
  export COP_TEST_POSTGRES
  TEST_PG_PORT=$port
  info "Test PostgreSQL $(basename -- "$(dirname -- "$PG_BIN")") on 127.0.0.1:$port (data: $TEST_PG_DIR)"
}

# Stop the throwaway cluster and delete it. Safe to call more than once.
test_pg_down() {
  [[ -n $TEST_PG_DIR && -d $TEST_PG_DIR ]] || return 0
  if pg_is_running "$TEST_PG_DIR/data"; then
    pg_stop "$TEST_PG_DIR/data" immediate || warn "could not stop the test PostgreSQL in $TEST_PG_DIR"
  fi
  if pg_is_running "$TEST_PG_DIR/data"; then
    warn "test PostgreSQL still running; leaving $TEST_PG_DIR in place"
  else
    rm -rf -- "$TEST_PG_DIR"
  fi
  TEST_PG_DIR=''
}
