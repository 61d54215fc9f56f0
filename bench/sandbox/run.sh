#!/usr/bin/env bash
# Per-command sandbox overhead: `cdx sandbox -- true`, the in-process runner (SandboxedProcessRunner,
# no CLI start-up) and the real Codex `codex sandbox -- true`, measured in the same run, same mode
# (workspace-write, network off), same working directory. Prints medians and the ratios vs Codex.
# Usage: bench/sandbox/run.sh [RUNS]   (CODEX=path to override the peer, default ~/codex-peer)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-20}"
codex="${CODEX:-${CODEX_PEER_DIR:-$HOME/codex-peer}/node_modules/.bin/codex}"
[ -x "$codex" ] || { echo "run.sh: the real Codex is not at $codex; install it (see ../shared/bench/README.md) or set CODEX." >&2; exit 1; }

"$root/cdx" --version >/dev/null                       # build the CLI if sources changed
cdx_bin="$root/.build/cdx/cdx"                          # the binary itself, no wrapper script
out="$root/.build/sandbox-bench"
dotnet build "$root/bench/sandbox/inproc/SandboxBench.csproj" -c Release -o "$out" -nologo -v q >/dev/null

# Codex refuses to create its helper under /tmp, so both run from a scratch dir under $HOME.
work="$(mktemp -d "$HOME/.cdx-sandbox-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"

# Wall time of one command in milliseconds.
time_once() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); awk -v n=$((t1 - t0)) 'BEGIN{printf "%.2f\n", n/1e6}'; }

# One warm-up each, then alternate cdx and Codex per round so machine noise hits both alike.
"$cdx_bin" sandbox -s workspace-write -- true; "$codex" sandbox -c 'sandbox_mode="workspace-write"' -- true
: >cdx.ms; : >codex.ms
for _ in $(seq "$runs"); do
  time_once "$cdx_bin" sandbox -s workspace-write -- true >>cdx.ms
  time_once "$codex" sandbox -c 'sandbox_mode="workspace-write"' -- true >>codex.ms
done
"$out/SandboxBench" "$runs" workspace-write >inproc.ms

python3 - "$runs" <<'PY'
import statistics, sys
def med(f): return statistics.median(float(l) for l in open(f) if l.strip())
cdx, codex, inproc = med("cdx.ms"), med("codex.ms"), med("inproc.ms")
print(f"sandbox overhead, `true` under workspace-write, median of {sys.argv[1]} runs")
print(f"  codex sandbox -- true        {codex:8.1f} ms")
print(f"  cdx sandbox -- true          {cdx:8.1f} ms   ratio cdx/codex = {cdx / codex:.2f}")
print(f"  cdx in-process runner        {inproc:8.1f} ms   ratio inproc/codex = {inproc / codex:.2f}")
PY
