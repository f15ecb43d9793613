#!/usr/bin/env bash
# bench/faults/web-kill.sh: kill -9 one of two Web instances under browser pages.
#
# `./cop run --instances 2` as for api-kill.sh. bench/WebKill opens COP_FAULTS_PAGES (default 3)
# Chromium pages (Playwright, /usr/bin/chromium), each signed in through the Web's balancer and
# on one thread, while a writer posts COP_FAULTS_RATE replies a second (default 1) through the
# Api's balancer. After COP_FAULTS_BEFORE seconds Web 1 is killed with kill -9 (the fault's end),
# and started again COP_FAULTS_DOWN seconds later (default 5). Pages served through Web 1 lose
# their live connection and reconnect through the balancer to Web 2. Expected: every page ends up
# showing every post exactly once. The recovery is each page's worst live delay from the fault on
# (from a post's 201 until the page first showed it, polled every 250 ms): a post stored while the
# page's connection was cut shows once it is back. Keep the posts under 50 (one page of the thread).
# See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

WEBKILL_DLL=$FAULTS_ROOT/bench/WebKill/bin/Release/net10.0/CommunityOfPractice.WebKill.dll
faults_init web-kill
faults_build_bench
if [[ ${COP_FAULTS_NO_BUILD:-0} != 1 ]]; then
  dotnet build bench/WebKill/WebKill.csproj -c Release -nologo -v q >>"$FAULTS_OUT/build.log" 2>&1 \
    || { show_log_tail "$FAULTS_OUT/build.log" 30; die "the WebKill build failed"; }
fi
[[ -x ${COP_CHROMIUM:-/usr/bin/chromium} ]] || die "no Chromium at ${COP_CHROMIUM:-/usr/bin/chromium} (./cop test installs it)"
faults_scale_up
dotnet "$WEBKILL_DLL" --web "http://localhost:$COP_WEB_PORT" --api "$FAULTS_URL" --control "$FAULTS_OUT/control" \
  --pages "${COP_FAULTS_PAGES:-3}" --rate "${COP_FAULTS_RATE:-1}" --before "${COP_FAULTS_BEFORE:-10}" --after "${COP_FAULTS_AFTER:-15}" \
  >"$FAULTS_OUT/driver.out" 2>"$FAULTS_OUT/driver.log" </dev/null &
FAULTS_DRIVER_PID=$!
faults_wait_loaded
./cop scale kill web 1
faults_recovered
sleep "${COP_FAULTS_DOWN:-5}"
./cop scale start web 1
faults_wait_result
faults_check_storage
line="faults: web-kill lost $FAULT_lost dup $FAULT_dup stored-twice $FAULT_stored_twice recovery p95 $FAULT_recovery_p95 s max $FAULT_recovery_max s pages $FAULT_pages live connections cut $FAULT_sockets_closed opened $FAULT_sockets_opened posts $FAULT_posts_stored answers ${FAULT_statuses//,/ }"
echo "$line" | tee -a "$FAULTS_OUT/result.txt"
[[ $FAULT_lost == 0 && $FAULT_dup == 0 && $FAULT_stored_twice == 0 && $FAULT_posts_failed == 0 && $FAULT_unrecovered == 0 ]]
