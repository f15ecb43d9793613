#!/usr/bin/env bash
# bench/faults/pg-restart.sh: restart PostgreSQL (pg_ctl restart -m fast) under load.
#
# One Api (Release, its own process) on a throwaway PostgreSQL; COP_FAULTS_SUBSCRIBERS readers
# (default 1000) of one thread and 4 writers at 20 posts/s, each post retried with its
# Idempotency-Key until stored. After COP_FAULTS_BEFORE seconds the cluster is restarted with
# `pg_ctl restart -m fast`. Expected: every write is stored once (after retries; the Api answers
# 503 with Retry-After while the database is away, never 500), nothing half-written, every reader
# gets every event once. Prints the errors the writers saw and the recovery time.
# See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

faults_init pg-restart
faults_build
faults_postgres own
faults_api_start
faults_api_wait_ready
faults_monitor_pg
faults_driver_start "$FAULTS_API_URL"
faults_wait_loaded

info "pg_ctl restart -m fast"
fault_started=$SECONDS
pg_as_owner "$PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m fast -w -t 60 restart >>"$TEST_PG_DIR/postgres.log" 2>&1 </dev/null \
  || die "pg_ctl restart failed (log: $TEST_PG_DIR/postgres.log)"
info "PostgreSQL is back after $(( SECONDS - fault_started )) s"
faults_recovered

faults_wait_result
faults_check_storage
cp -- "$TEST_PG_DIR/postgres.log" "$FAULTS_OUT/postgres.log" 2>/dev/null || true
faults_print "half-written $FAULT_half_written answers ${FAULT_statuses//,/ } (posts retried $FAULT_retried_posts) fault ${FAULT_fault_seconds} s"
