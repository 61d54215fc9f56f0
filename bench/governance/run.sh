#!/usr/bin/env bash
# Requirements-fetch load test: throughput and latency (p50/p99) of GET /v1/clients/requirements
# at 200 concurrent connections on loopback, each request as one of 200 users (own token, own
# signature), against a server on SQLite and then on PostgreSQL.
#
#   bench/governance/run.sh                 # both databases, 20 s each
#   DURATION=60s CONNECTIONS=400 bench/governance/run.sh sqlite
#
# PostgreSQL: CDX_BENCH_POSTGRES (an Npgsql connection string whose database may be dropped and
# recreated), default the private test cluster that ./test.sh starts on 127.0.0.1:55432.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-200}"
users="${USERS:-200}"
port="${PORT:-18790}"
pg="${CDX_BENCH_POSTGRES:-Host=127.0.0.1;Port=55432;Username=postgres;Database=cdx_bench}"
dbs=("$@")
((${#dbs[@]})) || dbs=(sqlite postgres)

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing wrk" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk </dev/null
fi
"$root/cdx" --version >/dev/null # builds the CLI when sources changed

work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
key="cdxa_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

for db in "${dbs[@]}"; do
  args=(--urls "http://127.0.0.1:$port" --data "$work/$db")
  if [ "$db" = postgres ]; then
    name="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$pg")"
    admin_cs="${pg/Database=$name/Database=postgres}"
    python3 "$here/pg.py" "$admin_cs" "$name"
    args+=(--database "$pg")
  fi
  CODEX_HOME="$work/home" CDX_GOVERNANCE_BOOTSTRAP_KEY="$key" "$root/cdx" governance serve "${args[@]}" >"$work/$db.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/.well-known/cdx-governance-keys" >/dev/null && break; sleep 0.2; done
  python3 "$here/setup.py" "http://127.0.0.1:$port" "$key" "$users" >"$work/tokens"
  echo "== $db: $connections connections, $users users, $duration"
  TOKENS_FILE="$work/tokens" wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/requirements.lua" "http://127.0.0.1:$port" \
    | tee "$work/$db.wrk" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
