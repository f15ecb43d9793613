# shellcheck shell=bash
# Shared helpers for ./cop: messages, privileges, apt, ports, processes, timing.
# Sourced by ./cop (which sets COP_ROOT and `set -euo pipefail`); defines functions only.

COP_STATE="$COP_ROOT/.cop"

# ---------------------------------------------------------------- messages
if [[ -t 2 && -z ${NO_COLOR:-} ]]; then
  _c_bold=$'\e[1m' _c_red=$'\e[31m' _c_yellow=$'\e[33m' _c_blue=$'\e[34m' _c_off=$'\e[0m'
else
  _c_bold='' _c_red='' _c_yellow='' _c_blue='' _c_off=''
fi
info() { printf '%s==>%s %s\n' "$_c_blue$_c_bold" "$_c_off" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_c_yellow$_c_bold" "$_c_off" "$*" >&2; }
error() { printf '%serror:%s %s\n' "$_c_red$_c_bold" "$_c_off" "$*" >&2; }
die() { error "$*"; exit 1; }

# Print the last lines of a log file to stderr, framed, if it exists.
show_log_tail() { # file [lines]
  local file=$1 lines=${2:-40}
  [[ -s $file ]] || return 0
  printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
  tail -n "$lines" -- "$file" >&2
  printf -- '----- end of %s -----\n' "$file" >&2
}

# ---------------------------------------------------------------- privileges
is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as root: directly when we are root, else through passwordless sudo.
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root to run '$*' (not root, and 'sudo -n' is not available without a password). Run it yourself as root, then re-run ./cop."
  fi
}

# ---------------------------------------------------------------- apt
_apt_updated=0
# apt-get update (once per ./cop invocation) and install; apt's own output goes to .cop/apt.log.
apt_install() { # package...
  info "Installing Debian packages: $* (details: .cop/apt.log)"
  if ! is_root && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    error "installing Debian packages needs root, and 'sudo -n' (without a password) is not available."
    error "Install them yourself: sudo apt-get update && sudo apt-get install -y $*"
    return 1
  fi
  mkdir -p -- "$COP_STATE"
  local log=$COP_STATE/apt.log
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
  printf '\n==== %s: apt-get install %s\n' "$(date -u +%FT%TZ)" "$*" >>"$log"
  if (( ! _apt_updated )); then
    if ! as_root "${apt[@]}" update >>"$log" 2>&1 </dev/null; then
      show_log_tail "$log" 30
      error "apt-get update failed"
      return 1
    fi
    _apt_updated=1
  fi
  if ! as_root "${apt[@]}" --no-install-recommends install "$@" >>"$log" 2>&1 </dev/null; then
    show_log_tail "$log" 30
    error "apt-get install $* failed"
    return 1
  fi
}

# ---------------------------------------------------------------- ports
# True when something is listening on (or accepting connections at) TCP port $1.
port_in_use() { # port
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]] && return 0
  fi
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null && return 0
  return 1
}

# Print the first free TCP port at or above $1.
free_port() { # start
  local port
  for (( port = $1; port < $1 + 500; port++ )); do
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  die "no free TCP port found in $1..$(( $1 + 499 ))"
}

is_port_number() { [[ $1 =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )); }

# ---------------------------------------------------------------- processes
# True when process $1 exists and is not a zombie.
pid_alive() { # pid
  local stat
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# True when pid $1 is alive and its command line contains $2.
pid_matches() { # pid pattern
  local pid=$1 pattern=$2 cmdline
  pid_alive "$pid" || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$pattern"* ]]
}

# Read a pid file; prints the pid if that process is alive and matches.
live_pid_from_file() { # file pattern
  local pid
  [[ -f $1 ]] || return 1
  pid=$(<"$1")
  pid_matches "$pid" "$2" || return 1
  echo "$pid"
}

# SIGTERM a process, wait up to $3 seconds (default 20), then SIGKILL.
stop_pid() { # pid name [seconds]
  local pid=$1 name=$2 seconds=${3:-20} i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < seconds * 5; i++ )); do
    pid_alive "$pid" || return 0
    sleep 0.2
  done
  warn "$name (pid $pid) did not stop within ${seconds}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- http
# Wait until $url answers 200; fail early if process $pid dies.
wait_for_http_200() { # name url pid log timeout_seconds
  local name=$1 url=$2 pid=$3 log=$4 timeout=$5 start=$SECONDS code not_found=0
  while (( SECONDS - start < timeout )); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null || true)
    [[ $code == 200 ]] && return 0
    # A running app that keeps answering 404 does not map this endpoint: no point waiting.
    if [[ $code == 404 ]]; then
      if (( ++not_found >= 15 )); then
        error "$name answers 404 at $url: it does not map that endpoint"
        show_log_tail "$log" 40
        return 1
      fi
    else
      not_found=0
    fi
    if ! pid_alive "$pid"; then
      error "$name exited during start-up (waiting for $url)"
      show_log_tail "$log" 60
      return 1
    fi
    sleep 1
  done
  error "$name did not answer 200 at $url within ${timeout}s (last status: ${code:-none})"
  show_log_tail "$log" 60
  return 1
}

# ---------------------------------------------------------------- timing
_phase_names=()
_phase_secs=()
_phase_current=''
_phase_started=0
phase() { # name — ends the current phase (if any) and starts a new one
  phase_end
  _phase_current=$1
  _phase_started=$(date +%s%N)
  info "$1"
}
phase_end() {
  [[ -n $_phase_current ]] || return 0
  local now
  now=$(date +%s%N)
  _phase_names+=("$_phase_current")
  _phase_secs+=("$(( (now - _phase_started) / 1000000 ))")
  _phase_current=''
}
print_phase_times() {
  phase_end
  (( ${#_phase_names[@]} )) || return 0
  local i total=0 ms width=5 name
  for name in "${_phase_names[@]}"; do
    if (( ${#name} > width )); then width=${#name}; fi
  done
  printf '\nTime per phase:\n' >&2
  for i in "${!_phase_names[@]}"; do
    ms=${_phase_secs[$i]}
    total=$(( total + ms ))
    printf '  %-*s %6d.%01ds\n' "$width" "${_phase_names[$i]}" $(( ms / 1000 )) $(( ms % 1000 / 100 )) >&2
  done
  printf '  %-*s %6d.%01ds\n' "$width" "total" $(( total / 1000 )) $(( total % 1000 / 100 )) >&2
}

# ---------------------------------------------------------------- dotnet
require_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return 0
  [[ -x $HOME/.dotnet/dotnet ]] && { PATH="$HOME/.dotnet:$PATH"; export PATH; return 0; }
  die "the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK first"
}
