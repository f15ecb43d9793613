#!/usr/bin/env bash
# bench/faults/api-kill.sh: kill -9 one of two Apis under load, start it again.
#
# `./cop run --instances 2` (two Apis and two Webs behind nginx, Redis as the backplane; started
# here on ports of its own unless one answers on COP_API_PORT), COP_FAULTS_SUBSCRIBERS readers
# (default 1000) of one thread and 4 writers at COP_FAULTS_RATE posts/s (default 20), all through
# the balancer; each post retried with its Idempotency-Key until stored. After COP_FAULTS_BEFORE
# seconds Api 1 is killed with kill -9; that is the fault's end for the recovery time (the other
# Api carries on); COP_FAULTS_DOWN seconds later (default 5) Api 1 is started again, during the
# COP_FAULTS_AFTER seconds of load that follow. Expected: 0 lost, 0 duplicated, 0 stored twice.
# See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

faults_init api-kill
faults_build_bench
faults_scale_up
faults_driver_start "$FAULTS_URL"
faults_wait_loaded
./cop scale kill api 1
faults_recovered
sleep "${COP_FAULTS_DOWN:-5}"
./cop scale start api 1
faults_wait_result
faults_check_storage
faults_print "half-written $FAULT_half_written answers ${FAULT_statuses//,/ } reconnects $FAULT_reconnects"
