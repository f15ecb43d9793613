#!/usr/bin/env bash
# bench/faults/redis-stop.sh: stop the Redis backplane for 30 s under load, start it again.
#
# `./cop run --instances 2` as for api-kill.sh, the same readers and writers through the
# balancer. After COP_FAULTS_BEFORE seconds Redis is stopped for COP_FAULTS_REDIS_DOWN seconds
# (default 30) and started again: that is the fault's end. While it is down, an event written
# through one Api does not reach the readers connected to the other; each reader must still
# converge, through the `heads` beats (docs/live-protocol.md), within seconds of Redis returning.
# Expected: 0 lost, 0 duplicated; the recovery time is the lag after Redis is back.
# See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

faults_init redis-stop
faults_build_bench
faults_scale_up
faults_driver_start "$FAULTS_URL"
faults_wait_loaded
./cop scale stop redis
sleep "${COP_FAULTS_REDIS_DOWN:-30}"
./cop scale start redis
faults_recovered
faults_wait_result
faults_check_storage
faults_print "half-written $FAULT_half_written heads-catch-ups $FAULT_behind gaps $FAULT_gaps answers ${FAULT_statuses//,/ }"
