#!/usr/bin/env bash
# Load test of the release binary with wrk: builds it, seeds a workspace (with a
# full meeting and 100,000 action items) on a
# fresh SQLite database, then loads each target at fixed concurrency and prints
# requests/s, p50 and p99 latency, and the throughput ratio to /healthz measured
# in the same run (machines here are noisy; ratios travel better than numbers).
#
#   bench/run.sh                 # 10 s per target, 32 connections
#   DURATION=30s CONNECTIONS=64 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet

DATA="$(mktemp -d)"
JAR="$DATA/cookies"
./target/release/goalmeet --bind "127.0.0.1:$PORT" --data-dir "$DATA" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.1; done

# Seed: a workspace with its owner and a few invited people; an API token; a browser session.
PASSWORD="correct horse battery staple"
SIGNUP=$(curl -sf -X POST "$BASE/api/v1/signup" -H 'content-type: application/json' \
  -d "{\"workspace_name\":\"Bench Co\",\"name\":\"Bench Owner\",\"email\":\"owner@bench.test\",\"password\":\"$PASSWORD\"}")
TOKEN=$(printf '%s' "$SIGNUP" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
SLUG=$(printf '%s' "$SIGNUP" | python3 -c 'import json,sys; print(json.load(sys.stdin)["workspace"]["slug"])')
for i in $(seq 1 20); do
  curl -sf -X POST "$BASE/api/v1/invitations" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"email\":\"person$i@bench.test\",\"role\":\"member\"}" >/dev/null
done
CSRF=$(curl -sf -c "$JAR" "$BASE/login" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -n1)
curl -sf -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/login" \
  --data-urlencode "csrf_token=$CSRF" --data-urlencode "email=owner@bench.test" --data-urlencode "password=$PASSWORD"
SESSION=$(awk '$6 == "gm_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "could not log in for the benchmark" >&2; exit 1; }
# A meeting with 30 agenda items, 20 action items and 10 decisions.
api() { curl -sf -X "$1" "$BASE$2" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ${3:+-d "$3"}; }
MEETING=$(api POST /api/v1/meetings '{"title":"Bench review","purpose":"Measure","starts_at":"2030-01-07T09:00:00Z","duration_minutes":120}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["meeting"]["id"])')
for i in $(seq 1 30); do api POST "/api/v1/meetings/$MEETING/agenda-items" "{\"title\":\"Topic $i\",\"timebox_minutes\":4}" >/dev/null; done
for i in $(seq 1 20); do api POST /api/v1/action-items "{\"title\":\"Follow-up $i\",\"meeting_id\":\"$MEETING\",\"due_on\":\"2030-02-0$((i % 9 + 1))\"}" >/dev/null; done
for i in $(seq 1 10); do api POST /api/v1/decisions "{\"statement\":\"Decision $i\",\"meeting_id\":\"$MEETING\",\"rationale\":\"Because $i\"}" >/dev/null; done
# 100,000 action items in the workspace, written straight into the database
# (the API would take minutes); ids are time-ordered like the server's UUIDv7.
WORKSPACE_ID=$(printf '%s' "$SIGNUP" | python3 -c 'import json,sys; print(json.load(sys.stdin)["workspace"]["id"])')
OWNER_ID=$(printf '%s' "$SIGNUP" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["id"])')
python3 - "$DATA/goalmeet.db" "$WORKSPACE_ID" "$OWNER_ID" <<'PY'
import os, sqlite3, sys, time, uuid
db, workspace, owner = sys.argv[1], uuid.UUID(sys.argv[2]).bytes, uuid.UUID(sys.argv[3]).bytes
def uuid7(ms, n):
    raw = bytearray(ms.to_bytes(6, "big") + os.urandom(10))
    raw[6] = 0x70 | (raw[6] & 0x0F); raw[8] = 0x80 | (raw[8] & 0x3F)
    return bytes(raw)
conn = sqlite3.connect(db, timeout=30)
start = int(time.time() * 1000) - 100_000_000
rows = [(uuid7(start + i * 1000, i), workspace, f"Seeded action {i}", owner if i % 3 == 0 else None,
         f"2030-{i % 12 + 1:02d}-{i % 28 + 1:02d}", ("open", "done", "cancelled")[i % 3], owner, "2026-01-01T00:00:00+00:00")
        for i in range(100_000)]
conn.executemany("INSERT INTO action_items (id, workspace_id, title, assignee_id, due_on, status, created_by, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
conn.commit()
PY

# Sanity: each target answers 200 before it is measured.
curl -sf -o /dev/null -H "cookie: gm_session=$SESSION" "$BASE/w/$SLUG"
curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" "$BASE/api/v1/me"
curl -sf -o /dev/null -H "cookie: gm_session=$SESSION" "$BASE/w/$SLUG/meetings/$MEETING"
curl -sf -o /dev/null -H "cookie: gm_session=$SESSION" "$BASE/w/$SLUG/actions?view=all"
[ "$(api GET "/api/v1/action-items?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = 1000 ] \
  || { echo "the 100,000 seeded action items are not visible" >&2; exit 1; }

run() { # name path [header]
  local name=$1 path=$2 header=${3:-}
  local out
  if [ -n "$header" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$BASE$path")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")
  fi
  if printf '%s' "$out" | grep -q "Non-2xx"; then
    echo "$name: non-2xx responses during the run" >&2
    printf '%s\n' "$out" >&2
    exit 1
  fi
  local rps p50 p99
  rps=$(printf '%s' "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(printf '%s' "$out" | awk '$1 == "50%" {print $2}')
  p99=$(printf '%s' "$out" | awk '$1 == "99%" {print $2}')
  echo "$name $rps $p50 $p99"
}

echo "goalmeet bench: $CONNECTIONS connections, $THREADS threads, $DURATION per target, SQLite"
RESULTS=()
RESULTS+=("$(run healthz /healthz)")
RESULTS+=("$(run login_page /login)")
RESULTS+=("$(run workspace_home "/w/$SLUG" "cookie: gm_session=$SESSION")")
RESULTS+=("$(run api_me /api/v1/me "authorization: Bearer $TOKEN")")
RESULTS+=("$(run meeting_page "/w/$SLUG/meetings/$MEETING" "cookie: gm_session=$SESSION")")
RESULTS+=("$(run api_meeting "/api/v1/meetings/$MEETING" "authorization: Bearer $TOKEN")")
RESULTS+=("$(run actions_100k "/w/$SLUG/actions?view=all" "cookie: gm_session=$SESSION")")
RESULTS+=("$(run api_actions_100k "/api/v1/action-items?limit=50" "authorization: Bearer $TOKEN")")

BASELINE=$(printf '%s\n' "${RESULTS[0]}" | awk '{print $2}')
printf '%-16s %12s %10s %10s %14s\n' target "req/s" p50 p99 "vs healthz"
for line in "${RESULTS[@]}"; do
  set -- $line
  printf '%-16s %12s %10s %10s %13.2fx\n' "$1" "$2" "$3" "$4" "$(python3 -c "print($2 / $BASELINE)")"
done
