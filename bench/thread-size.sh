#!/usr/bin/env bash
# Does a thread of 10,000 posts open as fast as one of 10? Times the Api's keyset-paginated
# post pages (50 posts) at the start, middle and end of a 10,000-post thread against a 10-post
# thread, and the thread itself. Needs `./cop run` running (local PostgreSQL, demo accounts);
# the posts are inserted with SQL, so the threads are filled in seconds.
#
#   ./cop run &            # in another terminal
#   bench/thread-size.sh   # [requests per figure, default 200]
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
requests=${1:-200}
api=http://localhost:${COP_API_PORT:-5081}

token=$(curl -sf "$api/connect/token" -d grant_type=password -d client_id=cop-cli \
  -d username=member@demo.communityofpractice.org.uk -d 'password=Demo-pass-2026!' -d 'scope=openid api' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

start_thread() { # title -> id
  curl -sf -X POST "$api/api/v1/threads" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\": \"$1 $(date +%s%N)\", \"body\": \"Opening post.\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}
big=$(start_thread "Thread size check: 10,000 posts")
small=$(start_thread "Thread size check: 10 posts")

./cop db psql -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE EXTENSION IF NOT EXISTS pgcrypto;
INSERT INTO posts (id, thread_id, number, author_id, markdown, html, created_at, is_deleted, is_hidden)
SELECT gen_random_uuid(), t.id, n, t.author_id, 'Reply ' || n || ' about place-based change in Hackney and Southwark.',
       '<p>Reply ' || n || ' about place-based change in Hackney and Southwark.</p>', now(), false, false
FROM threads t, generate_series(2, CASE WHEN t.id = '$big' THEN 10000 ELSE 10 END) n
WHERE t.id IN ('$big', '$small');
UPDATE threads SET post_count = CASE WHEN id = '$big' THEN 10000 ELSE 10 END WHERE id IN ('$big', '$small');
ANALYZE posts;
SQL

measure() { # label url
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$2"
  done | sort -n | awk -v label="$1" '{ t[NR] = $1 } END {
    printf "| %s | %.1f | %.1f |\n", label, t[int(NR * 0.5)] * 1000, t[int(NR * 0.95)] * 1000 }'
}
echo "| request ($requests sequential, curl, loopback) | p50 ms | p95 ms |"
echo "| --- | ---: | ---: |"
measure "10-post thread: posts 1-10" "$api/api/v1/threads/$small/posts?after=0&limit=50"
measure "10,000-post thread: posts 1-50" "$api/api/v1/threads/$big/posts?after=0&limit=50"
measure "10,000-post thread: posts 5,001-5,050" "$api/api/v1/threads/$big/posts?after=5000&limit=50"
measure "10,000-post thread: posts 9,951-10,000" "$api/api/v1/threads/$big/posts?after=9950&limit=50"
measure "10-post thread: the thread" "$api/api/v1/threads/$small"
measure "10,000-post thread: the thread" "$api/api/v1/threads/$big"
