#!/usr/bin/env python3
"""apply_patch speed: a 200-hunk patch on a 20 000-line file, applied by `cdx apply-patch` and by
the real Codex apply_patch in the same run (fresh copy of the file for every run, alternating the
two tools), median of N runs each. Prints both medians and the ratio cdx/Codex (goal <= 1.0).

Usage (from the repo root):
  bench/apply-patch/bench.py [--runs N] [--lines 20000] [--hunks 200] [--codex PATH] [--cdx PATH]
--codex defaults to Codex's native binary under ~/codex-peer (run through a symlink named
apply_patch, which is how it dispatches); --cdx defaults to the built .build/cdx/cdx (the ./cdx
wrapper is run once first so the build is current).
"""
import argparse, glob, os, random, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def make_case(lines, hunks, seed=7):
    r = random.Random(seed)
    text = ["line %d: %s" % (i, r.choice(["alpha", "beta", "gamma", "  indented", "}", "return x;"])) for i in range(lines)]
    step = lines // hunks
    body, expected = [], list(text)
    for h in range(hunks):
        at = h * step + step // 2
        body.append("@@")
        body += [" " + l for l in text[at - 3:at]]
        body.append("-" + text[at])
        body.append("+" + text[at] + " // edited %d" % h)
        body += [" " + l for l in text[at + 1:at + 4]]
        expected[at] = text[at] + " // edited %d" % h
    patch = "\n".join(["*** Begin Patch", "*** Update File: big.txt"] + body + ["*** End Patch"]) + "\n"
    return "\n".join(text) + "\n", patch, "\n".join(expected) + "\n"


def find_codex():
    hits = glob.glob(os.path.expanduser("~/codex-peer/node_modules/@openai/codex-linux-*/vendor/*/bin/codex"))
    if not hits:
        sys.exit("Codex native binary not found under ~/codex-peer; pass --codex")
    return hits[0]


def run_once(cmd, original, patch, expected, base):
    box = tempfile.mkdtemp(prefix="apbench-", dir=base)
    with open(os.path.join(box, "big.txt"), "w") as fh:
        fh.write(original)
    start = time.perf_counter()
    proc = subprocess.run(cmd + [patch], cwd=box, capture_output=True)
    elapsed = time.perf_counter() - start
    with open(os.path.join(box, "big.txt")) as fh:
        ok = proc.returncode == 0 and fh.read() == expected
    shutil.rmtree(box)
    if not ok:
        sys.exit("%s failed: exit %d %s" % (cmd[0], proc.returncode, proc.stderr.decode()[:500]))
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--hunks", type=int, default=200)
    ap.add_argument("--codex")
    ap.add_argument("--cdx")
    a = ap.parse_args()
    base = tempfile.mkdtemp(prefix="apbench-")
    link = os.path.join(base, "apply_patch")
    os.symlink(a.codex or find_codex(), link)
    if a.cdx:
        cdx = [a.cdx, "apply-patch"]
    else:
        subprocess.run([os.path.join(ROOT, "cdx"), "apply-patch"], stdin=subprocess.DEVNULL, capture_output=True)
        cdx = [os.path.join(ROOT, ".build", "cdx", "cdx"), "apply-patch"]
    original, patch, expected = make_case(a.lines, a.hunks)
    tools = {"codex": [link], "cdx": cdx}
    times = {k: [] for k in tools}
    for name, cmd in tools.items():  # warm-up (page cache), not counted
        run_once(cmd, original, patch, expected, base)
    for _ in range(a.runs):
        for name, cmd in tools.items():
            times[name].append(run_once(cmd, original, patch, expected, base))
    shutil.rmtree(base)
    med = {k: statistics.median(v) for k, v in times.items()}
    print("apply_patch bench: %d-line file, %d-hunk patch (%d bytes), %d runs each, median wall time"
          % (a.lines, a.hunks, len(patch), a.runs))
    print("  codex apply_patch: %7.1f ms   (min %.1f)" % (med["codex"] * 1000, min(times["codex"]) * 1000))
    print("  cdx apply-patch:   %7.1f ms   (min %.1f)" % (med["cdx"] * 1000, min(times["cdx"]) * 1000))
    print("  ratio cdx/codex:   %7.2f" % (med["cdx"] / med["codex"]))


if __name__ == "__main__":
    main()
