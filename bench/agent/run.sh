#!/usr/bin/env bash
# cdx exec vs the real Codex CLI on the shared bench scenarios (same mock, same machine, same run).
# Prints, per scenario, the median wall time and peak RSS of each agent over RUNS runs and the
# ratios cdx/Codex (goal: both <= 1.0). Run from anywhere; needs ../shared/bench and ~/codex-peer.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-$root/../shared/bench}"
runs="${RUNS:-5}"
scenarios="${SCENARIOS:-hello shell patch multi-turn-10}"
cdx_cmd='{cwd}/cdx exec --skip-git-repo-check --json -s {sandbox} -m {model} -C {workdir} {prompt}'

# Build once up front so the first measured run does not include compilation.
"$root/cdx" --help >/dev/null

cd "$root"
summary() {  # scenario agent -> "wall_s rss_mb" from the SUMMARY line
  python3 "$bench/run_scenario.py" "$bench/scenarios/$1.json" --runs "$runs" "${@:2}" \
    | python3 -c '
import re, sys
text = sys.stdin.read()
line = [l for l in text.splitlines() if l.startswith("SUMMARY")] or [l for l in text.splitlines() if " wall=" in l]
if not line:
    sys.exit("no result line")
l = line[-1]
wall = re.search(r"wall(?:_median)?=([0-9.]+)s", l).group(1)
rss = re.search(r"maxrss(?:_median)?=([0-9.]+)MB", l).group(1)
print(wall, rss)'
}

printf "%-14s %10s %10s %10s %10s %8s %8s\n" scenario cdx_wall codex_wall cdx_rss codex_rss wall_x rss_x
for s in $scenarios; do
  read -r cw cr < <(summary "$s" --agent-name cdx --agent-cmd "$cdx_cmd" 2>/dev/null)
  read -r xw xr < <(summary "$s" 2>/dev/null)
  python3 -c "
import sys
s, cw, xw, cr, xr = sys.argv[1], *map(float, sys.argv[2:])
print('%-14s %9.2fs %9.2fs %8.1fMB %8.1fMB %8.2f %8.2f' % (s, cw, xw, cr, xr, cw / xw, cr / xr))" "$s" "$cw" "$xw" "$cr" "$xr"
done
