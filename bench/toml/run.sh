#!/usr/bin/env bash
# Parse throughput of Cdx.Toml against Python's tomllib on the same generated ~1 MB config,
# measured in the same run; prints both and the ratio cdx/tomllib (the goal is >= 10x).
# usage: bench/toml/run.sh [SIZE_BYTES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
size="${1:-1048576}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/bench.toml"

python3 "$here/generate.py" "$file" "$size"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release "$here/Cdx.Toml.Bench/Cdx.Toml.Bench.csproj" -nologo -v q -o "$work/bin" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

cdx_line="$(dotnet "$work/bin/Cdx.Toml.Bench.dll" "$file")"
py_line="$(python3 "$here/tomllib_bench.py" "$file")"
echo "$cdx_line"
echo "$py_line"
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
cdx="$(field mbps "$cdx_line")"
py="$(field mbps "$py_line")"
awk -v c="$cdx" -v p="$py" 'BEGIN { printf "cdx %.1f MB/s, tomllib %.1f MB/s, ratio cdx/tomllib = %.1fx\n", c, p, c / p }'
