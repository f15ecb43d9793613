#!/usr/bin/env bash
# bench/faults/restore-drill.sh: back up a running instance and bring it back somewhere else.
#
# One Api (Release, its own process) with the demo content on a throwaway PostgreSQL, one more
# thread and reply written through the Api, then `pg_dump -Fc` of its database *while it runs*,
# `pg_restore` into a new database, the first Api stopped and a new one started on the restored
# database. Compared between the two: rows of the main tables (threads, posts, members, events,
# papers, stream events and streams' last numbers) in SQL, and what the Api answers a signed-in
# member: the number of threads it lists, and one thread's posts. Prints one line; exit status 0
# when everything matches. See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

faults_init restore-drill
faults_build
faults_postgres
PG_BIN=${PG_BIN:-}; [[ -n $PG_BIN ]] || pg_find_bindir || ensure_pg_server

# 1. A running instance with content.
FAULTS_API_ENV=(Seed__Demo=true)
faults_api_start
faults_api_wait_ready 240

token() { # api url → a demo member's access token (password grant of the first-party cop-cli client)
  curl -sf --max-time 30 "$1/connect/token" -d grant_type=password -d client_id=cop-cli \
    -d username=member@demo.communityofpractice.org.uk -d 'password=Demo-pass-2026!' \
    -d 'scope=openid profile email roles offline_access api' | jq -r .access_token
}
api_threads() { # url token → how many threads the Api lists, following its cursor
  local url=$1 auth="Authorization: Bearer $2" after='' count=0 page
  while :; do
    page=$(curl -sf --max-time 30 -H "$auth" "$url/api/v1/threads?limit=100${after:+&after=$after}")
    count=$(( count + $(jq '.items | length' <<<"$page") ))
    after=$(jq -r '.next // empty' <<<"$page")
    [[ -n $after ]] || break
  done
  echo "$count"
}
api_posts() { # url token thread → the thread's posts as the Api lists them (numbers and their text)
  curl -sf --max-time 30 -H "Authorization: Bearer $2" "$1/api/v1/threads/$3/posts?limit=200" \
    | jq -c '[.items[] | {number, html}]' | sha256sum | cut -c1-16
}
counts() { # → one line of row counts of the current FAULTS_SQL_DB
  faults_sql "SELECT 'threads ' || (SELECT count(*) FROM threads) || ' posts ' || (SELECT count(*) FROM posts)
    || ' members ' || (SELECT count(*) FROM members) || ' events ' || (SELECT count(*) FROM events)
    || ' papers ' || (SELECT count(*) FROM learning_papers) || ' organisations ' || (SELECT count(*) FROM organisations) || ' stream-events ' || (SELECT count(*) FROM stream_events)
    || ' last-seqs ' || (SELECT COALESCE(sum(last_seq), 0) FROM streams)"
}

member=$(token "$FAULTS_API_URL")
[[ -n $member && $member != null ]] || die "could not sign the demo member in"
thread=$(curl -sf --max-time 30 -H "Authorization: Bearer $member" -H "Idempotency-Key: drill-$$" -H 'Content-Type: application/json' \
  "$FAULTS_API_URL/api/v1/threads" -d '{"title":"Restore drill","body":"Written just before the backup, to be found after the restore."}' | jq -r .id)
curl -sf --max-time 30 -o /dev/null -H "Authorization: Bearer $member" -H "Idempotency-Key: drill-reply-$$" -H 'Content-Type: application/json' \
  "$FAULTS_API_URL/api/v1/threads/$thread/posts" -d '{"body":"A reply, also to be found after the restore."}'
before_sql=$(counts)
before_threads=$(api_threads "$FAULTS_API_URL" "$member")
before_posts=$(api_posts "$FAULTS_API_URL" "$member" "$thread")

# 2. The backup, taken while the Api runs.
dump=$FAULTS_OUT/backup.dump
started=$SECONDS
PGPASSWORD=$COP_DB_PASSWORD "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$FAULTS_PG_PORT" -U "$COP_DB_USER" -Fc -f "$dump" "$FAULTS_DB"
dump_seconds=$(( SECONDS - started ))
dump_size=$(du -h -- "$dump" | cut -f1)
info "pg_dump: $dump_size in ${dump_seconds} s"

# 3. Restore into a new database, and an Api on it instead of the first.
restored=${FAULTS_DB}_restored
FAULTS_SQL_DB=postgres faults_sql "CREATE DATABASE $restored" >/dev/null
started=$SECONDS
PGPASSWORD=$COP_DB_PASSWORD "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$FAULTS_PG_PORT" -U "$COP_DB_USER" --no-owner --exit-on-error \
  -d "$restored" "$dump" >"$FAULTS_OUT/restore.log" 2>&1 || { show_log_tail "$FAULTS_OUT/restore.log"; die "pg_restore failed"; }
restore_seconds=$(( SECONDS - started ))
stop_pid "$FAULTS_API_PID" Api 20
started=$SECONDS
FAULTS_API_ENV=(Seed__Demo=false)
faults_api_start "${FAULTS_DB_CS%Database=*}Database=$restored"
faults_api_wait_ready 240
ready_seconds=$(( SECONDS - started ))

after_sql=$(FAULTS_SQL_DB=$restored counts)
member=$(token "$FAULTS_API_URL")
after_threads=$(api_threads "$FAULTS_API_URL" "$member")
after_posts=$(api_posts "$FAULTS_API_URL" "$member" "$thread")

match=yes
[[ $before_sql == "$after_sql" && $before_threads == "$after_threads" && $before_posts == "$after_posts" ]] || match=NO
echo "backup:   $before_sql; Api lists $before_threads threads; drill thread posts $before_posts" >>"$FAULTS_OUT/result.txt"
echo "restored: $after_sql; Api lists $after_threads threads; drill thread posts $after_posts" >>"$FAULTS_OUT/result.txt"
line="faults: restore-drill match $match threads $before_threads/$after_threads (Api) $after_sql dump $dump_size ${dump_seconds} s restore ${restore_seconds} s Api ready ${ready_seconds} s"
echo "$line" | tee -a "$FAULTS_OUT/result.txt"
[[ $match == yes ]]
