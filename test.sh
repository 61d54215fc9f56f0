#!/usr/bin/env bash
# Runs every cdx test. Installs the Debian packages the tests need first (only the missing
# ones, so a second run installs nothing), builds the CLI that end-to-end tests drive, then runs
# the whole solution's test suite. Works without a terminal (CI=true, no stdin).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: real bubblewrap for the sandbox, python3 for peers/conformance
# and sandbox escape attempts, curl for the sandbox acceptance check, postgresql for the
# governance suite's second database.
packages=(bubblewrap python3 curl postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

# A private PostgreSQL cluster for the governance tests (unless CDX_TEST_POSTGRES already names
# one): its own data directory and port so the system cluster is left alone, listening on
# 127.0.0.1 only with trust auth (nothing but local test databases lives there).
if [ -z "${CDX_TEST_POSTGRES:-}" ]; then
  pg_port="${CDX_TEST_POSTGRES_PORT:-55432}"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  pg_data="${CDX_TEST_POSTGRES_DATA:-/var/lib/postgresql/cdx-test}"
  as_pg=()
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  [ "$(id -u)" -eq 0 ] || pg_data="${CDX_TEST_POSTGRES_DATA:-${TMPDIR:-/tmp}/cdx-test-postgres}"
  if [ -z "$pg_bin" ]; then
    echo "test.sh: no PostgreSQL binaries under /usr/lib/postgresql; the governance PostgreSQL tests will be skipped" >&2
  else
    if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
      if [ ! -f "$pg_data/PG_VERSION" ]; then
        mkdir -p "$pg_data"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_data"
        "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
      fi
      echo "test.sh: starting PostgreSQL on 127.0.0.1:$pg_port ($pg_data)" >&2
      "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -s \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories='' -c fsync=off -c max_connections=300" start
    fi
    export CDX_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  fi
fi

# Build the CLI once up front (the wrapper skips this when nothing changed).
./cdx --version >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test cdx.slnx --nologo "$@"
