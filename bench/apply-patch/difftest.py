#!/usr/bin/env python3
"""Differential test: random files and random (often slightly wrong) patches, applied by two
apply_patch implementations in separate copies of the same tree; reports any difference in the
resulting tree, exit status (success vs failure), stdout, or stderr (with the directory path
normalised).

Usage: difftest.py [--runs N] [--seed S] [--keep] -- REFERENCE_CMD... -- CANDIDATE_CMD...
Example (from the repo root):
  bench/apply-patch/difftest.py --runs 300 -- ~/bin/apply_patch -- ./cdx apply-patch
"""
import os, random, shutil, subprocess, sys, tempfile

WORDS = ["alpha", "beta", "gamma", "delta", "x", "y", "", "  indented", "\tTabbed", "trail  ",
         "fn main() {", "}", "return 1;", "“quoted”", "em—dash", "non\u00a0break", "naïve café",
         "dup", "dup", "# comment", "   ", "-minus", "+plus", "@@ at", "*** star"]


def rand_line(r):
    w = r.choice(WORDS)
    if r.random() < 0.3:
        w = w + " " + r.choice(WORDS)
    return w


def rand_file(r):
    n = r.randint(0, 12)
    lines = [rand_line(r) for _ in range(n)]
    eol = r.choice(["\n", "\n", "\r\n", "mixed"])
    out = []
    for i, l in enumerate(lines):
        e = eol if eol != "mixed" else r.choice(["\n", "\r\n"])
        out.append(l + e)
    text = "".join(out)
    if text and r.random() < 0.25:
        text = text.rstrip("\r\n")
    return text


def fuzz_line(r, line):
    c = r.random()
    if c < 0.08:
        return line + " "
    if c < 0.14:
        return "  " + line.strip()
    if c < 0.18:
        return line.replace("—", "-").replace("“", '"').replace("”", '"').replace("\u00a0", " ")
    return line


def make_update_chunks(r, lines):
    chunks = []
    cursor = 0
    for _ in range(r.randint(1, 3)):
        if cursor >= len(lines) or r.random() < 0.15:
            body = ["+" + rand_line(r) for _ in range(r.randint(1, 2))]
            header = "@@" if r.random() < 0.7 else "@@ " + (r.choice(lines) if lines else "nothing")
            chunks.append([header] + body)
            continue
        start = r.randint(cursor, len(lines) - 1)
        end = min(len(lines), start + r.randint(1, 4))
        body = []
        for l in lines[start:end]:
            k = r.random()
            if k < 0.4:
                body.append(" " + fuzz_line(r, l))
            elif k < 0.8:
                body.append("-" + fuzz_line(r, l))
                if r.random() < 0.5:
                    body.append("+" + rand_line(r))
            else:
                body.append("-" + fuzz_line(r, l))
        if r.random() < 0.2:
            body.append("+" + rand_line(r))
        if r.random() < 0.1:
            body.append("")  # blank context line
        if r.random() < 0.05:
            body.insert(0, "-not in file")
        header = "@@"
        if start > 0 and r.random() < 0.3:
            header = "@@ " + fuzz_line(r, lines[r.randint(0, start - 1)])
        chunk = ([header] if (chunks or r.random() < 0.85) else []) + body
        if end == len(lines) and r.random() < 0.4 or r.random() < 0.05:
            chunk.append("*** End of File")
        chunks.append(chunk)
        cursor = end
    return chunks


def make_case(r):
    files = {}
    for i in range(r.randint(1, 3)):
        files["f%d.txt" % i] = rand_file(r)
    if r.random() < 0.3:
        files["sub/g.txt"] = rand_file(r)
    hunks = []
    names = list(files)
    for _ in range(r.randint(1, 3)):
        kind = r.random()
        if kind < 0.15:
            hunks.append(["*** Add File: " + r.choice(["new.txt", "d/new.txt", names[0]])] +
                         ["+" + rand_line(r) for _ in range(r.randint(0, 3))])
        elif kind < 0.25:
            hunks.append(["*** Delete File: " + r.choice(names + ["missing.txt", "sub"])])
        else:
            name = r.choice(names + (["missing.txt"] if r.random() < 0.05 else []))
            lines = [l.rstrip("\r") for l in files.get(name, "").split("\n")]
            if lines and lines[-1] == "" and files.get(name, "").endswith("\n"):
                lines.pop()
            h = ["*** Update File: " + name]
            if r.random() < 0.12:
                h.append("*** Move to: " + r.choice(["moved/x.txt", names[-1], "m.txt"]))
            for c in make_update_chunks(r, lines):
                h += c
            hunks.append(h)
    body = [l for h in hunks for l in h]
    begin, end = "*** Begin Patch", "*** End Patch"
    if r.random() < 0.1:
        begin = " " + begin + " "
    if r.random() < 0.05:
        body.insert(r.randint(0, len(body)), r.choice(["garbage", "", "@@", "*** Bogus"]))
    sep = "\r\n" if r.random() < 0.08 else "\n"
    text = sep.join([begin] + body + [end])
    if r.random() < 0.3:
        text += "\n"
    return files, text


def deliberate(patch):
    """True when the patch moves a file onto its own path: cdx keeps the file, Codex deletes it."""
    current = None
    for line in patch.replace("\r\n", "\n").split("\n"):
        t = line.strip()
        if t.startswith("*** Update File: "):
            current = t[len("*** Update File: "):]
        elif line.startswith("*** Move to: ") and current is not None:
            if os.path.normpath(line[len("*** Move to: "):]) == os.path.normpath(current):
                return True
        elif t.startswith("***"):
            current = None
    return False


def snapshot(root):
    out = {}
    for d, dirs, fs in os.walk(root):
        rel = os.path.relpath(d, root)
        if not dirs and not fs and rel != ".":
            out[rel + "/"] = b"<empty>"
        for f in fs:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = fh.read()
    return out


def run(cmd, files, patch, base):
    box = tempfile.mkdtemp(prefix="apdiff-", dir=base)
    for name, text in files.items():
        p = os.path.join(box, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", newline="") as fh:
            fh.write(text)
    env = dict(os.environ, HOME=os.path.join(base, "home"))
    proc = subprocess.run(cmd + [patch], cwd=box, capture_output=True, env=env, timeout=60)
    snap = snapshot(box)
    err = proc.stderr.decode("utf-8", "replace").replace(box, "<BOX>")
    out = proc.stdout.decode("utf-8", "replace").replace(box, "<BOX>")
    shutil.rmtree(box)
    return snap, proc.returncode, out, err


def main():
    argv = sys.argv[1:]
    i = argv.index("--")
    opts, rest = argv[:i], argv[i + 1:]
    j = rest.index("--")
    ref, cand = rest[:j], rest[j + 1:]
    runs = int(opts[opts.index("--runs") + 1]) if "--runs" in opts else 200
    seed = int(opts[opts.index("--seed") + 1]) if "--seed" in opts else 1
    base = os.path.join(os.path.expanduser("~"), ".cache", "cdx-apdiff")
    os.makedirs(os.path.join(base, "home"), exist_ok=True)
    failures = 0
    allowed = 0
    for n in range(runs):
        r = random.Random(seed * 100003 + n)
        files, patch = make_case(r)
        a = run(ref, files, patch, base)
        b = run(cand, files, patch, base)
        problems = []
        if a[0] != b[0]:
            problems.append("tree differs: ref=%r cand=%r" % (a[0], b[0]))
        if (a[1] == 0) != (b[1] == 0):
            problems.append("exit ref=%d cand=%d" % (a[1], b[1]))
        if a[2] != b[2]:
            problems.append("stdout ref=%r cand=%r" % (a[2], b[2]))
        if a[3] != b[3]:
            problems.append("stderr ref=%r cand=%r" % (a[3], b[3]))
        if problems and deliberate(patch):
            allowed += 1
            continue
        if problems:
            failures += 1
            print("CASE %d (seed %d)" % (n, seed))
            print("  files=%r" % files)
            print("  patch=%r" % patch)
            for p in problems:
                print("  " + p)
    print("difftest: %d cases, %d differ, %d differ only by a deliberate safety difference (Move to: own path)"
          % (runs, failures, allowed))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
