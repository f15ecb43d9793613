#!/usr/bin/env bash
# bench/scale-check.sh [--no-build]
#
# Checks the done-when of `./cop run --instances N` (issue 14) against the stack that runs now
# (start it first, in another terminal: ./cop run --instances 2):
#   - the demo is served through nginx, and every Web instance took part;
#   - two browser sessions signed in at the Web (through nginx) open the live hub as the page
#     scripts do, beside one hub client pinned to each Api instance; a reply posted with the
#     thread page's form in browser A reaches all of them;
#   - a reply posted on the last Api reaches the client on Api 1 (the Redis backplane);
#   - nginx's log says which Api each browser's WebSocket went to.
# Prints one line per check; exits 1 on the first failure. Functional, not a speed measure.
set -euo pipefail

COP_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$COP_ROOT"
# shellcheck source=scripts/common.sh
source "$COP_ROOT/scripts/common.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1} DOTNET_CLI_USE_MSBUILD_SERVER=${DOTNET_CLI_USE_MSBUILD_SERVER:-0}

build=1
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $arg" ;;
  esac
done

layout=$COP_STATE/scale/layout
[[ -f $layout ]] || die "no scaled run here: start ./cop run --instances 2 first"
# shellcheck source=/dev/null
source "$layout"
nginx_logs=$COP_STATE/scale/nginx
pid_alive "$(cat "$COP_STATE/scale/nginx.pid" 2>/dev/null)" || die "nginx is not running: start ./cop run --instances $SCALE_N first"

if (( build )); then
  info "Building bench/ScaleCheck (Release)"
  dotnet build bench/ScaleCheck/ScaleCheck.csproj -c Release -nologo -v q >/dev/null || die "the ScaleCheck build failed"
fi

instances=()
for (( i = 1; i <= SCALE_N; i++ )); do instances+=("http://127.0.0.1:$(( SCALE_BASE + i ))"); done
web_log_start=$(wc -l <"$nginx_logs/access-web.log" 2>/dev/null || echo 0)

dotnet bench/ScaleCheck/bin/Release/net10.0/CommunityOfPractice.ScaleCheck.dll \
  "http://localhost:$SCALE_WEB_PORT" "http://localhost:$SCALE_API_PORT" "${instances[@]}"

# Which instances the balancer used during the check (a WebSocket's line is logged when it closed).
sleep 1
web_upstreams=$(tail -n +"$(( web_log_start + 1 ))" "$nginx_logs/access-web.log" | grep -o 'upstream=[^ ]*' | sort | uniq -c | sed 's/^ *//' | tr '\n' ' ')
echo "scale-check: web requests by instance: $web_upstreams"
for (( i = 1; i <= SCALE_N; i++ )); do
  grep -q "upstream=127.0.0.1:$(( SCALE_BASE + 10 + i ))" <(tail -n +"$(( web_log_start + 1 ))" "$nginx_logs/access-web.log") \
    || { echo "scale-check: FAILED: Web $i answered nothing through nginx"; exit 1; }
done
# The pinned clients go to the Api ports directly, so the last two hub lines of the Api side are the browsers'.
hubs=$(grep '"GET /hubs/live' "$nginx_logs/access-api.log" | tail -n 2 | grep -o 'upstream=[^ ]*' | sed 's/upstream=//')
if [[ $(sort -u <<<"$hubs" | wc -l) -gt 1 ]]; then apart="on different Apis"; else apart="on the same Api this time (the clients pinned to each Api covered the other)"; fi
echo "scale-check: the browsers' hub WebSockets (Web → nginx → Api) went to $(tr '\n' ' ' <<<"$hubs"): $apart"
echo "scale-check: all checks passed"
