#!/usr/bin/env python3
"""Differential test: `codex execpolicy check` vs `cdx execpolicy check`.

Runs many rule files x command lines through both tools and compares exit status and stdout
(JSON after parsing; byte equality reported separately). Usage:

    bench/execpolicy/difftest.py [--codex PATH] [--cdx PATH] [--jobs N] [--record FILE]

--record writes every agreed case as JSONL in the format of
tests/Cdx.ExecPolicy.Tests/Fixtures/check-peer-cases.jsonl.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# ---------------------------------------------------------------------------
# Rule sets: (name, [file texts], [commands]); each command is an argv list (after `--`).
# ---------------------------------------------------------------------------
GENERIC_COMMANDS = [
    ["git", "push"], ["git", "push", "origin", "main"], ["git", "commit", "-m", "x"], ["git"],
    ["git", "status"], ["git", "-C", "x", "push"], ["Git", "push"], ["ls"], ["curl", "x"],
    ["wget"], ["hg", "status"], ["/usr/bin/git", "status"], ["/usr/local/bin/git", "push"],
    ["bash", "-lc", "git status && rm -rf /"], ["rm", "-rf", "/"], [""], ["git", ""],
    ["git", "push", "--force"], ["echo", "a b", "c\"d", "e\\f", "ünï", "tab\there"],
    ["./git", "push"], ["git/", "push"], ["npm", "run", "dev"], ["python3", "-c", "print(1)"],
]

RULESETS = [
    ("alternatives", ['prefix_rule(pattern=["git", ["push", "commit"]], decision="prompt", justification="j")\nprefix_rule(pattern=["git"])']),
    ("first-alternatives", ['prefix_rule(pattern=[["curl", "wget"]], decision="forbidden")']),
    ("strictest-two-files", ['prefix_rule(pattern=[["curl", "wget"]], decision="forbidden")',
                             'prefix_rule(pattern=["wget"], decision="allow", justification="a\\"b\\n")']),
    ("order", ['prefix_rule(pattern=["git"], decision="prompt")\nprefix_rule(pattern=["git", "push"], decision="allow")\nprefix_rule(pattern=["git", "push", "origin"], decision="forbidden", justification="no")']),
    ("duplicates", ['prefix_rule(pattern=["ls"])\nprefix_rule(pattern=["ls"])\nprefix_rule(pattern=["ls"], decision="allow")']),
    ("empty-elements", ['prefix_rule(pattern=[""])\nprefix_rule(pattern=["git", ""], decision="prompt")']),
    ("host-exec", ['host_executable(name="git", paths=["/usr/bin/git"])\nprefix_rule(pattern=["git", "status"], decision="prompt")\nprefix_rule(pattern=["git"], decision="allow")']),
    ("host-exec-none", ['prefix_rule(pattern=["git", ["push", "status"]], decision="forbidden")']),
    ("host-exec-abs-rule", ['prefix_rule(pattern=["/usr/bin/git", "status"], decision="prompt")\nprefix_rule(pattern=["git"], decision="forbidden")']),
    ("host-exec-multi", ['host_executable(name="git", paths=["/usr/bin/git", "/usr/local/bin/git", "/usr/bin/git"])\nprefix_rule(pattern=["git"], decision="prompt")']),
    ("host-exec-replaced", ['host_executable(name="git", paths=["/usr/bin/git"])\nhost_executable(name="git", paths=["/opt/git"])\nprefix_rule(pattern=["git"], decision="prompt")'.replace('"/opt/git"', '"/opt/bin/git"')]),
    ("unicode-justification", ['prefix_rule(pattern=["echo"], decision="prompt", justification="ünïcødé ✓ \\t tab / slash \\\\ back <>&\'")']),
    ("long-pattern", ['prefix_rule(pattern=["npm", "run", "dev", "--", "x"], decision="prompt")\nprefix_rule(pattern=["npm", ["run", "test"]])']),
    ("python", ['prefix_rule(pattern=["python3", ["-c", "-"]], decision="forbidden", justification="Write a script file instead.")']),
    ("case", ['prefix_rule(pattern=["Git", "push"], decision="prompt")']),
    ("starlark-def", ['''
def reads(tool, subs):
    for s in subs:
        prefix_rule(pattern=[tool, s], decision="allow")
reads("git", ["status", "log", "diff"])
[prefix_rule(pattern=[t], decision="forbidden") for t in ["curl", "wget"] if t != "scp"]
''']),
    ("starlark-fstrings", ['''
NAME = "git"
SUBS = "push,commit".split(",")
prefix_rule(pattern=[NAME, SUBS], decision="prompt", justification=f"{NAME} {'/'.join(SUBS)} needs review ({len(SUBS)})")
prefix_rule(pattern=[NAME.upper().lower(), "status".strip()], justification="x".join(["a", "b"]))
''']),
    ("starlark-dict", ['''
RULES = {"git": "prompt", "ls": "allow", "rm": "forbidden"}
for k in sorted(RULES.keys()):
    prefix_rule(pattern=[k], decision=RULES[k])
''']),
    ("starlark-misc", ['''
xs = ["a", "b"] + ["c"] * 2
if len(xs) == 4 and "c" in xs:
    prefix_rule(pattern=["git", xs[1:3]], decision="prompt", justification="%s-%d" % ("x", 3))
for i, t in enumerate(["push", "pull"]):
    prefix_rule(pattern=["git", t], decision=["allow", "prompt"][i])
prefix_rule(pattern=["echo"], justification="{}+{}".format(1, "2").replace("+", "="))
''']),
    ("network-mixed", ['network_rule(host="example.com", protocol="https", decision="deny")\nnetwork_rule(host="api.github.com", protocol="http", decision="allow", justification="x")\nprefix_rule(pattern=["curl"], decision="prompt")']),
    ("match-ok", ['prefix_rule(pattern=["git", ["status", "log"]], match=["git status", ["git", "log", "-1"], "git   log  --oneline"], not_match=["git push", ["gitx", "status"]])']),
    ("empty-file", ['']),
    ("comments-only", ['# nothing here\n\n# still nothing\n']),
    ("default-decision", ['prefix_rule(pattern=["ls"])\nprefix_rule(pattern=["ls", "-la"], justification="listing")']),
    ("many-rules", ["\n".join('prefix_rule(pattern=["cmd%d", "x"], decision="%s")' % (i, ["allow", "prompt", "forbidden"][i % 3]) for i in range(40))
                    + '\nprefix_rule(pattern=["git", ["a", "b", "c", "push"]], decision="prompt")']),
    ("alternatives-everywhere", ['prefix_rule(pattern=[["git", "hg", "/usr/bin/git"], ["push", "status"], ["origin", "main"]], decision="prompt")']),
    ("one-element-alt", ['prefix_rule(pattern=[["git"], ["push"]], decision="forbidden")']),
    ("three-files", ['prefix_rule(pattern=["git"], decision="allow")', 'prefix_rule(pattern=["git", "push"], decision="prompt")',
                     'prefix_rule(pattern=["git", "push", "origin"], decision="forbidden")']),
]

ERROR_RULESETS = [
    ("syntax", ['prefix_rule(pattern=["git"]']),
    ("syntax-line3", ['prefix_rule(pattern=["a"])\n\nprefix_rule(pattern=["b"] decision="allow")']),
    ("bad-decision", ['prefix_rule(pattern=["git"], decision="deny")']),
    ("ask-decision", ['prefix_rule(pattern=["git"], decision="ask")']),
    ("empty-pattern", ['prefix_rule(pattern=[])']),
    ("empty-alternatives", ['prefix_rule(pattern=["git", []])']),
    ("non-string", ['prefix_rule(pattern=["git", 1])']),
    ("non-string-alt", ['prefix_rule(pattern=["git", ["a", 2]])']),
    ("pattern-string", ['prefix_rule(pattern="git")']),
    ("extra-arg", ['prefix_rule(pattern=["git"], reason="x")']),
    ("missing-pattern", ['prefix_rule(decision="allow")']),
    ("blank-justification", ['prefix_rule(pattern=["git"], justification="   ")']),
    ("load", ['load("x.star", "y")']),
    ("unknown-fn", ['frobnicate(1)']),
    ("undefined-var", ['prefix_rule(pattern=[X])']),
    ("match-fails", ['prefix_rule(pattern=["git", "status"], match=["git log"])']),
    ("not-match-fails", ['prefix_rule(pattern=["git"], not_match=[["git", "push"]])']),
    ("match-empty-string", ['prefix_rule(pattern=["git"], match=[""])']),
    ("match-empty-list", ['prefix_rule(pattern=["git"], match=[[]])']),
    ("host-bad-basename", ['host_executable(name="git", paths=["/usr/bin/hg"])']),
    ("host-relative", ['host_executable(name="git", paths=["bin/git"])']),
    ("host-slash-name", ['host_executable(name="a/git", paths=["/usr/bin/git"])']),
    ("network-wildcard", ['network_rule(host="*.example.com", protocol="https", decision="allow")']),
    ("network-scheme", ['network_rule(host="https://example.com", protocol="https", decision="allow")']),
    ("network-bad-protocol", ['network_rule(host="example.com", protocol="ftp", decision="allow")']),
    ("good-then-bad", ['prefix_rule(pattern=["git"])', 'prefix_rule(pattern=["git"], decision="nope")']),
    ("decision-int", ['prefix_rule(pattern=["git"], decision=1)']),
    ("type-error", ['x = "a" + 1']),
    ("tab-indent-error", ['if True:\n  prefix_rule(pattern=["a"])\n\tprefix_rule(pattern=["b"])']),
]

# Encoding and line-ending edge cases (bytes are written as is; these are not recorded as fixtures).
BYTES_RULESETS = [
    ("bom", [b'\xef\xbb\xbfprefix_rule(pattern=["git"])\n']),
    ("invalid-utf8", [b'prefix_rule(pattern=["git"], justification="\xff\xfe")\n']),
    ("crlf", [b'prefix_rule(pattern=["git"])\r\nprefix_rule(pattern=["git", "push"], decision="prompt")\r\n']),
    ("crlf-in-string", [b'prefix_rule(pattern=["ls"], justification="a\r\nb")\r\n']),
    ("nul", [b'prefix_rule(pattern=["git\x00x"])\n']),
    ("utf8-tokens", ['prefix_rule(pattern=["\u00e9cho", ["\u00fc", "\u4e2d"]], decision="prompt")'.encode()]),
]


# Starlark-subset and builtin-argument corners: each is run with one command.
CORNER_RULESETS = [
    ("match-string", 'prefix_rule(pattern=["git"], match="git status")'),
    ("positional", 'prefix_rule(["git"], "prompt")'),
    ("dup-kwarg", 'prefix_rule(pattern=["git"], decision="prompt", decision="allow")'),
    ("tuple-pattern", 'prefix_rule(pattern=("git", "push"), decision="prompt")'),
    ("tuple-alt", 'prefix_rule(pattern=["git", ("push", "pull")], decision="prompt")'),
    ("none-justification", 'prefix_rule(pattern=["git"], justification=None)'),
    ("none-match", 'prefix_rule(pattern=["git"], match=None)'),
    ("none-decision", 'prefix_rule(pattern=["git"], decision=None)'),
    ("host-tilde", 'host_executable(name="git", paths=["~/bin/git"])\nprefix_rule(pattern=["git"], decision="prompt")'),
    ("host-empty-paths", 'host_executable(name="git", paths=[])\nprefix_rule(pattern=["git"], decision="prompt")'),
    ("host-trailing-slash", 'host_executable(name="git", paths=["/usr/bin/git/"])\nprefix_rule(pattern=["git"], decision="prompt")'),
    ("host-dotdot", 'host_executable(name="git", paths=["/usr/local/../bin/git"])\nprefix_rule(pattern=["git"], decision="prompt")'),
    ("host-empty-name", 'host_executable(name="", paths=[])'),
    ("host-positional", 'host_executable("git", ["/usr/bin/git"])\nprefix_rule(pattern=["git"], decision="prompt")'),
    ("network-port", 'network_rule(host="example.com:443", protocol="https", decision="allow")\nprefix_rule(pattern=["git"])'),
    ("network-ipv6", 'network_rule(host="[::1]", protocol="http", decision="prompt")\nprefix_rule(pattern=["git"])'),
    ("network-upper", 'network_rule(host="EXAMPLE.com.", protocol="socks5_tcp", decision="forbidden")\nprefix_rule(pattern=["git"])'),
    ("network-ask", 'network_rule(host="example.com", protocol="https", decision="ask")'),
    ("network-empty", 'network_rule(host="", protocol="https", decision="allow")'),
    ("print", 'print("hello")\nprefix_rule(pattern=["git"])'),
    ("fail", 'fail("boom")'),
    ("lambda", 'f = lambda x: x\nprefix_rule(pattern=[f("git")])'),
    ("while", 'while True:\n    pass'),
    ("recursion", 'def f(n):\n    return f(n - 1) if n > 0 else "git"\nprefix_rule(pattern=[f(3)])'),
    ("break-continue", 'for t in ["a", "git", "b"]:\n    if t == "a":\n        continue\n    prefix_rule(pattern=[t])\n    break'),
    ("pass", 'def f():\n    pass\nf()\nprefix_rule(pattern=["git"])'),
    ("dict-get", 'd = {"git": "prompt"}\nprefix_rule(pattern=["git"], decision=d.get("git", "allow"))\nprefix_rule(pattern=["ls"], decision=d.get("ls", "forbidden"))'),
    ("list-append", 'xs = []\nxs.append("push")\nxs.extend(["pull"])\nprefix_rule(pattern=["git", xs], decision="prompt")'),
    ("augassign", 'xs = ["push"]\nxs += ["pull"]\nprefix_rule(pattern=["git", xs], decision="prompt")'),
    ("reassign-global", 'x = "git"\nx = "ls"\nprefix_rule(pattern=[x])'),
    ("percent", 'prefix_rule(pattern=["git"], justification="%s=%d %r" % ("a", 1, "q"))'),
    ("floordiv", 'prefix_rule(pattern=["git", str(7 // 2), str(-7 // 2), str(7 % 3)])'),
    ("ternary", 'prefix_rule(pattern=["git" if 1 < 2 else "hg"], decision="prompt" if "a" not in "abc" else "forbidden")'),
    ("unpack", 'a, b = "git", "push"\nprefix_rule(pattern=[a, b], decision="prompt")'),
    ("nested-def", 'def outer():\n    def inner(x):\n        return [x, "push"]\n    return inner("git")\nprefix_rule(pattern=outer(), decision="prompt")'),
    ("defaults-kwargs", 'def r(p, d="prompt", **kw):\n    prefix_rule(pattern=p, decision=d, **kw)\nr(["git"], justification="j")\nr(["ls"], "allow")'),
    ("star-args", 'def r(*ps):\n    prefix_rule(pattern=list(ps))\nr("git", "push")'),
    ("frozen-mutation", 'xs = ["git"]\ndef f():\n    xs.append("x")\nf()\nprefix_rule(pattern=xs)'),
    ("string-methods", 'prefix_rule(pattern=["GIT".lower(), "  push  ".strip(), "a-b".replace("-", "_"), "x,y".split(",")[1], "abc"[1:], "git".capitalize()])'),
    ("str-startswith", 'prefix_rule(pattern=["git"], decision="prompt" if "git".startswith("g") and "git".endswith("t") else "allow")'),
    ("join-int", 'prefix_rule(pattern=["-".join(["a", 1])])'),
    ("range-list", 'prefix_rule(pattern=["seq", [str(i) for i in range(3)]])'),
    ("zip-enumerate", 'for i, (a, b) in enumerate(zip(["git", "hg"], ["push", "pull"])):\n    prefix_rule(pattern=[a, b], justification=str(i))'),
    ("sorted-reversed", 'prefix_rule(pattern=["git", sorted(["pull", "push"], reverse=True)])'),
    ("type-fn", 'prefix_rule(pattern=["git", type([])])'),
    ("bool-int", 'prefix_rule(pattern=["git", str(True), str(None), str(1.5)])'),
    ("any-all", 'prefix_rule(pattern=["git"], decision="prompt" if any([False, True]) and all([1]) else "allow")'),
    ("hasattr-getattr", 'prefix_rule(pattern=["git", getattr("x", "upper")()])'),
    ("dict-comprehension", 'd = {k: v for k, v in [("git", "prompt"), ("ls", "allow")]}\n[prefix_rule(pattern=[k], decision=d[k]) for k in d]'),
    ("set-literal", 's = {"a"}'),
    ("index-error", 'prefix_rule(pattern=[["git"][1]])'),
    ("key-error", 'prefix_rule(pattern=[{"a": 1}["b"]])'),
    ("div-zero", 'x = 1 // 0'),
    ("unicode-escapes", 'prefix_rule(pattern=["\\u00e9", "\\x41", "\\101", "a\\tb"], justification="\\N")'),
    ("raw-triple", 'prefix_rule(pattern=[r"a\\b", """git"""], justification=\'\'\'multi\nline\'\'\')'),
    ("bytes-literal", 'prefix_rule(pattern=[b"git"])'),
    ("semicolons", 'a = 1; prefix_rule(pattern=["git"]); b = 2'),
    ("if-elif", 'x = 2\nif x == 1:\n    d = "allow"\nelif x == 2:\n    d = "prompt"\nelse:\n    d = "forbidden"\nprefix_rule(pattern=["git"], decision=d)'),
    ("toplevel-for-if", 'for t in ["a"]:\n    prefix_rule(pattern=[t])\nif True:\n    prefix_rule(pattern=["b"])'),
    ("comparison-chain", 'prefix_rule(pattern=["git"], decision="prompt" if 1 < 2 < 3 else "allow")'),
    ("min-max-abs", 'prefix_rule(pattern=["git", str(max(1, 5)), str(min([3, 2])), str(abs(-4))])'),
    ("list-methods", 'xs = ["b", "a"]\nxs.insert(0, "c")\nxs.remove("b")\nprefix_rule(pattern=["git", xs, str(xs.index("a"))])'),
    ("str-format-named", 'prefix_rule(pattern=["git"], justification="{a}-{b}".format(a=1, b="x"))'),
    ("f-string-expr", 'n = 3\nprefix_rule(pattern=["git"], justification=f"{n + 1} {[1, 2]} {n!r}")'),
    ("struct", 'x = struct(a=1)'),
    ("select-config", 'x = select({"a": 1})'),
    ("json-module", 'x = json.encode([1])'),
    ("repeat-string", 'prefix_rule(pattern=["ab" * 2, 2 * "c"])'),
    ("negative-index", 'prefix_rule(pattern=[["git", "hg"][-1]])'),
    ("slice-step", 'prefix_rule(pattern=["abcdef"[::2], ["a", "b", "c"][::-1]])'),
]

FLAG_VARIANTS = [[], ["--pretty"], ["--resolve-host-executables"], ["--pretty", "--resolve-host-executables"]]


def cases():
    """Yields (name, rule texts, args after the --rules options)."""
    for name, files in RULESETS:
        for i, command in enumerate(GENERIC_COMMANDS):
            flags = FLAG_VARIANTS[i % len(FLAG_VARIANTS)]
            yield (f"{name}/{i}", files, flags + ["--"] + command)
        # The host-executable sets are worth every flag variant on the path commands.
        if name.startswith("host"):
            for flags in FLAG_VARIANTS:
                for command in (["/usr/bin/git", "status"], ["/usr/bin/git", "push"], ["/usr/local/bin/git"],
                                ["/usr/bin/../bin/git", "status"], ["//usr//bin//git", "status"], ["/opt/bin/git", "x"]):
                    yield (f"{name}/{'+'.join(flags)}/{command[0]}", files, flags + ["--"] + command)
    for name, files in ERROR_RULESETS:
        for flags in ([], ["--pretty"]):
            yield (f"error/{name}/{'+'.join(flags)}", files, flags + ["--", "git", "push"])
    for name, text in CORNER_RULESETS:
        for command in (["git", "push"], ["ls"], ["seq", "2"]):
            yield (f"corner/{name}/{command[0]}", [text], ["--pretty", "--"] + command if command[0] == "ls" else ["--"] + command)
    for name, files in BYTES_RULESETS:
        for command in (["git", "push"], ["ls"], ["\u00e9cho", "\u4e2d"]):
            yield (f"bytes/{name}/{command[0]}", files, ["--"] + command)
    ok = RULESETS[0][1]
    # Argument parsing: no `--`, options after the command, `-r`, `--rules=`, usage errors.
    yield ("args/no-dashdash", ok, ["git", "push"])
    yield ("args/pretty-after-command", ok, ["git", "--pretty"])
    yield ("args/dashdash-in-command", ok, ["git", "--", "push"])
    yield ("args/rules-after-command", ok, ["git", "push", "--rules", "x"])
    yield ("args/missing-command", ok, [])
    yield ("args/only-dashdash", ok, ["--"])
    yield ("args/single-dash-arg", ok, ["--", "-"])
    yield ("args/dash-command", ok, ["--", "-git", "push"])


def run(tool, rule_paths, args, rules_style):
    argv = [tool, "execpolicy", "check"]
    for path in rule_paths:
        argv += {"long": ["--rules", path], "short": ["-r", path], "eq": [f"--rules={path}"]}[rules_style]
    argv += args
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def compare(case, codex, cdx, tmp):
    name, files, args = case
    d = tempfile.mkdtemp(dir=tmp)
    paths = []
    for i, text in enumerate(files):
        path = os.path.join(d, f"r{i}.rules")
        if isinstance(text, bytes):
            with open(path, "wb") as f:
                f.write(text)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        paths.append(path)
    style = ["long", "short", "eq"][sum(name.encode()) % 3]
    if name.startswith("args/missing-rules"):
        paths = []
    a = run(codex, paths, args, style)
    b = run(cdx, paths, args, style)
    same_exit = a[0] == b[0]
    def parsed(out):
        try:
            return json.loads(out) if out.strip() else None
        except ValueError:
            return ("unparseable", out)
    same_json = parsed(a[1]) == parsed(b[1])
    return name, files, args, a, b, same_exit and same_json, a[1] == b[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--codex", default=os.path.expanduser("~/codex-peer/node_modules/.bin/codex"))
    ap.add_argument("--cdx", default=os.path.join(REPO, ".build", "cdx", "cdx"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--record")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", help="run only cases whose name starts with this prefix")
    opts = ap.parse_args()
    if not os.path.exists(opts.cdx):
        subprocess.run([os.path.join(REPO, "cdx"), "--help"], capture_output=True)
    all_cases = list(cases())
    all_cases.append(("args/missing-rules", [], ["--", "git"]))
    all_cases.append(("args/nonexistent-file", [], ["--rules", "/nonexistent/x.rules", "--", "git"]))
    all_cases.append(("args/directory-as-file", [], ["--rules", "/tmp", "--", "git"]))
    if opts.only:
        all_cases = [c for c in all_cases if c[0].startswith(opts.only)]
    agreed = bytes_equal = 0
    exits = {}
    failures = []
    records = []
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for name, files, args, a, b, ok, same_bytes in pool.map(lambda c: compare(c, opts.codex, opts.cdx, tmp), all_cases):
            agreed += ok
            exits[a[0]] = exits.get(a[0], 0) + 1
            bytes_equal += same_bytes
            # Relative programs resolve against cwd: such output is not a portable fixture.
            if ok and not name.startswith(("args/", "bytes/")) and os.getcwd() not in a[1]:
                records.append({"rules": files, "args": args, "exit": a[0], "stdout": a[1]})
            if not ok:
                failures.append((name, args, a, b))
            if opts.verbose:
                print(("ok   " if ok else "DIFF ") + name)
    for name, args, a, b in failures:
        print(f"--- DIFF {name} args={args}")
        print(f"codex exit {a[0]} stdout {a[1]!r}\n  stderr {a[2][:400]!r}")
        print(f"cdx   exit {b[0]} stdout {b[1]!r}\n  stderr {b[2][:400]!r}")
    print(f"compared {len(all_cases)} cases: {agreed} agree (exit + parsed JSON), {bytes_equal} byte-identical stdout, {len(failures)} differ; codex exit statuses {dict(sorted(exits.items()))}")
    if opts.record:
        with open(opts.record, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
