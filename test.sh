#!/usr/bin/env bash
# Runs every cdx test. Installs the Debian packages the tests need first (only the missing
# ones, so a second run installs nothing), builds the CLI that end-to-end tests drive, then runs
# the whole solution's test suite. Works without a terminal (CI=true, no stdin).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: real bubblewrap for the sandbox, python3 for peers/conformance
# and sandbox escape attempts, curl for the sandbox acceptance check.
packages=(bubblewrap python3 curl)
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

# Build the CLI once up front (the wrapper skips this when nothing changed).
./cdx --version >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test cdx.slnx --nologo "$@"
