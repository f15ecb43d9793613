#!/usr/bin/env bash
# bench/faults/outbox-restart.sh: kill -9 the Api in the middle of an outbox send.
#
# One Api (Release, its own process) on a throwaway PostgreSQL, and a real SMTP server (LiveBench
# smtp-sink: it writes the Message-Id of every message it accepts, one a line). COP_FAULTS_EMAILS
# messages (default 200) are queued in outbox_messages as Outbox.Add leaves them (one transaction,
# while the Api runs without SMTP), then the Api is started with SMTP; once a quarter of them have
# arrived it is killed with kill -9 and started again. The sink pauses COP_FAULTS_SMTP_DELAY_MS
# (default 25) at each recipient, before it takes the message, so that the send lasts a few
# seconds. Expected: every message arrives, and exactly once (each carries its outbox id as its
# Message-Id). What the killed Api had claimed waits for its lease (1 minute) before the new one
# sends it, which the recovery time shows. See docs/operations.md.
set -euo pipefail
# shellcheck source=bench/faults/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

faults_init outbox-restart
faults_build
faults_postgres
emails=${COP_FAULTS_EMAILS:-200}

# 1. The Api migrates the database; without an SMTP host its sender leaves mail waiting.
FAULTS_API_ENV=(Email__Smtp__Host=)
faults_api_start
faults_api_wait_ready
faults_sql "INSERT INTO outbox_messages (id, kind, recipient, subject, text, html, created_at, attempts, next_attempt_at)
  SELECT gen_random_uuid(), 'fault-test', 'member-' || i || '@faults.communityofpractice.org.uk',
         'Fault test message ' || i, 'Message ' || i || ' of the outbox restart test.',
         '<p>Message ' || i || ' of the outbox restart test.</p>', now(), 0, now()
  FROM generate_series(1, $emails) AS i" >/dev/null
stop_pid "$FAULTS_API_PID" Api 20
info "$emails messages wait in the outbox"

# 2. The SMTP server, and the Api sending to it.
smtp_port=$(free_port 15925)
ids=$FAULTS_OUT/smtp-accepted.txt
: >"$ids"
dotnet "$FAULTS_BENCH_DLL" smtp-sink --port "$smtp_port" --out "$ids" --delay-ms "${COP_FAULTS_SMTP_DELAY_MS:-25}" \
  >"$FAULTS_OUT/smtp.log" 2>&1 </dev/null &
FAULTS_CHILDREN+=("$!")
until port_in_use "$smtp_port"; do pid_alive "${FAULTS_CHILDREN[-1]}" || die "the SMTP sink did not start (see $FAULTS_OUT/smtp.log)"; sleep 0.2; done
FAULTS_API_ENV=(Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$smtp_port" Email__Smtp__Security=None)
faults_api_start
info "Api sending to 127.0.0.1:$smtp_port"

# 3. Kill it once a quarter have arrived.
until (( $(wc -l <"$ids") >= emails / 4 )); do
  pid_alive "$FAULTS_API_PID" || { show_log_tail "$FAULTS_OUT/api.log" 40; die "the Api exited"; }
  sleep 0.05
done
faults_api_kill
accepted_at_kill=$(wc -l <"$ids")
marked_at_kill=$(faults_sql "SELECT count(*) FROM outbox_messages WHERE kind = 'fault-test' AND sent_at IS NOT NULL")
held_at_kill=$(faults_sql "SELECT count(*) FROM outbox_messages WHERE kind = 'fault-test' AND sent_at IS NULL AND locked_until > now()")
info "killed after $accepted_at_kill accepted ($marked_at_kill marked sent, $held_at_kill claimed and not sent)"

# 4. Start it again and wait until the outbox is empty.
restarted=$(now)
faults_api_start
until [[ $(faults_sql "SELECT count(*) FROM outbox_messages WHERE kind = 'fault-test' AND sent_at IS NULL") == 0 ]]; do
  pid_alive "$FAULTS_API_PID" || { show_log_tail "$FAULTS_OUT/api.log" 40; die "the Api exited"; }
  (( $(awk -v s="$(since "$restarted")" 'BEGIN { print (s > 300) }') )) && die "the outbox was not empty 300 s after the restart"
  sleep 0.2
done
recovery=$(since "$restarted")
sleep 2 # a copy sent just before the last mark would be in the file by now

# 5. Count at the SMTP server: every outbox id once.
faults_sql "SELECT replace(id::text, '-', '') FROM outbox_messages WHERE kind = 'fault-test'" | sort >"$FAULTS_OUT/outbox-ids.txt"
sort "$ids" | uniq -c | awk '{ print $2, $1 }' >"$FAULTS_OUT/smtp-copies.txt"
lost=$(join -v 1 "$FAULTS_OUT/outbox-ids.txt" <(cut -d' ' -f1 "$FAULTS_OUT/smtp-copies.txt") | wc -l)
dup=$(join "$FAULTS_OUT/outbox-ids.txt" "$FAULTS_OUT/smtp-copies.txt" | awk '{ d += $2 - 1 } END { print d + 0 }')
line="faults: outbox-restart lost $lost dup $dup emails $emails killed after $accepted_at_kill accepted ($held_at_kill held by the lease) all sent ${recovery} s after the restart"
echo "$line" | tee -a "$FAULTS_OUT/result.txt"
[[ $lost == 0 && $dup == 0 ]]
