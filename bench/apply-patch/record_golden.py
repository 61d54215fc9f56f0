#!/usr/bin/env python3
"""Records hand-written apply_patch edge cases as the real Codex binary handles them, for the
xunit golden tests (tests/Cdx.ApplyPatch.Tests/Golden/codex-cases.json), and can replay them
against any other apply_patch command to compare.

Usage (from the repo root):
  bench/apply-patch/record_golden.py record ~/apbin/apply_patch      # rewrite the JSON from Codex
  bench/apply-patch/record_golden.py check ./cdx apply-patch          # compare a command to the JSON
where ~/apbin/apply_patch is a symlink named apply_patch to Codex's native binary
(~/codex-peer/node_modules/@openai/codex-linux-x64/vendor/*/bin/codex).
"""
import base64, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "Cdx.ApplyPatch.Tests", "Golden", "codex-cases.json")


def B(body):
    return "*** Begin Patch\n" + body + "\n*** End Patch\n"


F = {"f.txt": "a\nb\nc\n"}
CASES = [
    # parser: markers, padding, context headers
    ("stacked @@ headers fail", F, B("*** Update File: f.txt\n@@ a\n@@ b\n-c\n+C")),
    ("@@ context then bare @@ fails", F, B("*** Update File: f.txt\n@@ a\n@@\n-c\n+C")),
    ("indented End of File is not a marker", F, B("*** Update File: f.txt\n@@\n-c\n+C\n *** End of File")),
    ("End of File with trailing spaces", F, B("*** Update File: f.txt\n@@\n-c\n+C\n*** End of File  ")),
    ("indented @@ is an unexpected line", F, B("*** Update File: f.txt\n @@\n-c\n+C")),
    ("@@ with trailing spaces", F, B("*** Update File: f.txt\n@@  \n-c\n+C")),
    ("@@ glued to text", F, B("*** Update File: f.txt\n@@a\n-c\n+C")),
    ("indented Move to", F, B("*** Update File: f.txt\n  *** Move to: g.txt\n@@\n-c\n+C")),
    ("Move to with two spaces", F, B("*** Update File: f.txt\n*** Move to:  g.txt\n@@\n-c\n+C")),
    ("Move to with trailing space", F, B("*** Update File: f.txt\n*** Move to: g.txt \n@@\n-c\n+C")),
    ("Move into new directories", F, B("*** Update File: f.txt\n*** Move to: a/b/c/g.txt\n@@\n-c\n+C")),
    ("Add path with trailing spaces", {}, B("*** Add File: n.txt  \n+x")),
    ("Add without space after colon", {}, B("*** Add File:n.txt\n+x")),
    ("lower-case Add header", {}, B("*** add file: n.txt\n+x")),
    ("Add followed by a bare line", {}, B("*** Add File: n.txt\n+x\nhello")),
    ("empty Add then Update of it", {}, B("*** Add File: n.txt\n*** Update File: n.txt\n@@\n+x")),
    ("Delete then Update same file", F, B("*** Delete File: f.txt\n*** Update File: f.txt\n@@\n+x")),
    ("Delete then Add same file", F, B("*** Delete File: f.txt\n*** Add File: f.txt\n+x")),
    ("Delete twice", F, B("*** Delete File: f.txt\n*** Delete File: f.txt")),
    ("Delete a directory", {"d/x.txt": "1\n"}, B("*** Delete File: d")),
    ("Update a directory", {"d/x.txt": "1\n"}, B("*** Update File: d\n@@\n+x")),
    ("Update a directory with slash", {"d/x.txt": "1\n"}, B("*** Update File: d/\n@@\n-a\n+b")),
    ("Add over a directory", {"d/x.txt": "1\n"}, B("*** Add File: d\n+x")),
    ("Add under a regular file", F, B("*** Add File: f.txt/x\n+x")),
    ("Add deep under a regular file", F, B("*** Add File: f.txt/a/x\n+x")),
    ("Move under a regular file", F, B("*** Update File: f.txt\n*** Move to: f.txt/x\n@@\n-a\n+b")),
    ("Move onto a directory", {"f.txt": "a\n", "d/x": "1\n"}, B("*** Update File: f.txt\n*** Move to: d\n@@\n-a\n+b")),
    ("Move overwrites destination", {"f.txt": "a\n", "g.txt": "g\n"}, B("*** Update File: f.txt\n*** Move to: g.txt\n@@\n-a\n+A")),
    ("empty patch", F, "*** Begin Patch\n*** End Patch"),
    ("empty string", F, ""),
    ("whitespace only", F, "  \n \n"),
    ("Begin only", F, "*** Begin Patch"),
    ("End only", F, "*** End Patch"),
    ("no End marker", F, "*** Begin Patch\n*** Add File: x\n+y"),
    ("Begin with trailing text", {}, "*** Begin Patch xyz\n*** Add File: n.txt\n+x\n*** End Patch"),
    ("BOM before Begin", {}, "\ufeff*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch"),
    ("heredoc single quotes", {}, "<<'EOF'\n*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\nEOF\n"),
    ("heredoc double quotes", {}, '<<"EOF"\n*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\nEOF\n'),
    ("heredoc bare", {}, "<<EOF\n*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\nEOF"),
    ("heredoc mismatched quotes", {}, "<<\"EOF'\n*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\nEOF"),
    ("heredoc other delimiter", {}, "<<'PATCH'\n*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\nPATCH"),
    ("heredoc with bad inner Begin", {}, "<<'EOF'\n*** Begin Patc\n*** Add File: n.txt\n+x\n*** End Patch\nEOF"),
    ("Environment ID header", {}, B("*** Environment ID: abc\n*** Add File: n.txt\n+x")),
    ("empty Environment ID", {}, B("*** Environment ID: \n*** Add File: n.txt\n+x")),
    ("Environment ID after a hunk", {}, B("*** Add File: n.txt\n+x\n*** Environment ID: abc")),
    ("End Patch in the middle", {}, "*** Begin Patch\n*** Add File: n.txt\n+x\n*** End Patch\n*** Add File: m.txt\n+y\n*** End Patch"),
    ("Update without chunks", F, B("*** Update File: f.txt")),
    ("Update with only Move to", F, B("*** Update File: f.txt\n*** Move to: g.txt")),
    ("bare @@ and nothing else", F, B("*** Update File: f.txt\n@@")),
    ("@@ then End of File", F, B("*** Update File: f.txt\n@@\n*** End of File")),
    ("bad first body line", F, B("*** Update File: f.txt\n@@\nxyz")),
    ("second chunk without @@", F, B("*** Update File: f.txt\n@@\n-a\n+A\n@@\n-b\n+B\nzzz\n-c")),
    ("first chunk without @@", F, B("*** Update File: f.txt\n-a\n+A")),
    ("blank lines between chunks", F, B("*** Update File: f.txt\n@@\n-a\n+A\n\n\n@@\n-c\n+C")),
    ("context header not found", F, B("*** Update File: f.txt\n@@ zzz\n-a\n+A")),
    ("context header trailing spaces are ignored", {"f.txt": "b  \nx\nb\ny\n"}, B("*** Update File: f.txt\n@@ b  \n-x\n+X")),
    ("context header leading spaces", {"f.txt": "  b\nx\nb\ny\n"}, B("*** Update File: f.txt\n@@   b\n-x\n+X")),
    ("chunks out of order", F, B("*** Update File: f.txt\n@@\n-c\n+C\n@@\n-a\n+A")),
    ("duplicate block takes the first", {"f.txt": "x\nx\n"}, B("*** Update File: f.txt\n@@\n-x\n+y")),
    ("tab-prefixed body line", F, B("*** Update File: f.txt\n@@\n\ta\n-b")),
    ("context-only chunk", F, B("*** Update File: f.txt\n@@\n a\n b")),
    ("removal-only chunk", F, B("*** Update File: f.txt\n@@\n-a\n-b\n-c")),
    ("same file updated twice", F, B("*** Update File: f.txt\n@@\n-a\n+A\n*** Update File: f.txt\n@@\n-b\n+B")),
    ("summary order", {"f.txt": "a\n", "d.txt": "d\n"}, B("*** Delete File: d.txt\n*** Update File: f.txt\n@@\n-a\n+A\n*** Add File: n.txt\n+n")),
    ("missing file to update", F, B("*** Update File: nope.txt\n@@\n+x")),
    ("missing file to delete", F, B("*** Delete File: nope.txt")),
    # paths as Codex names them in messages
    ("dot path display", {"f.txt": "a\n"}, B("*** Update File: ./f.txt\n@@\n-zz\n+b")),
    ("dotdot path display", {"f.txt": "a\n", "d/x": "1\n"}, B("*** Update File: d/../f.txt\n@@\n-zz\n+b")),
    ("double slash display", {"d/x": "1\n"}, B("*** Update File: d//x\n@@\n-zz\n+b")),
    ("trailing slash display", {"d/x": "1\n"}, B("*** Update File: d/x/\n@@\n-zz\n+b")),
    ("trailing slash update works", {"d/x": "1\n"}, B("*** Update File: d/x/\n@@\n-1\n+2")),
    ("trailing slash delete works", {"d/x": "1\n"}, B("*** Delete File: d/x/")),
    ("dot slash add", {}, B("*** Add File: ./n.txt\n+x")),
    ("dotdot that stays inside", {"d/x": "1\n"}, B("*** Add File: d/../n.txt\n+x")),
    # matching
    ("unicode punctuation in context header and lines", {"f.txt": "x \u2013 y\n\u201cq\u201d\n"}, B("*** Update File: f.txt\n@@ x - y\n-\"q\"\n+Q")),
    ("non-breaking space", {"f.txt": "a\u00a0b\n"}, B("*** Update File: f.txt\n@@\n-a b\n+AB")),
    ("tabs around the line", {"f.txt": "\tfoo\t\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("vertical tab is whitespace", {"f.txt": "foo\x0b\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("U+0085 is whitespace", {"f.txt": "foo\u0085\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("U+1680 is whitespace", {"f.txt": "foo\u1680\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("U+200B is not whitespace", {"f.txt": "foo\u200b\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("U+2028 is whitespace", {"f.txt": "foo\u2028\n"}, B("*** Update File: f.txt\n@@\n-foo\n+bar")),
    ("BOM in file is part of the first line", {"f.txt": "\ufeffa\nb\n"}, B("*** Update File: f.txt\n@@\n-a\n+A")),
    # end of file
    ("End of File chunk not at the end", F, B("*** Update File: f.txt\n@@\n-a\n+A\n*** End of File")),
    ("End of File chunk before the cursor", {"f.txt": "a\nb\nc\nd\n"}, B("*** Update File: f.txt\n@@ b\n+X\n@@\n-a\n-b\n c\n-d\n+D\n*** End of File")),
    ("End of File after a pure addition", {"f.txt": "a\nb\nc\nd\n"}, B("*** Update File: f.txt\n@@ b\n+X\n@@\n c\n-d\n+D\n*** End of File")),
    ("End of File with trailing blank context", {"f.txt": "a\nb\nc\nd\n"}, B("*** Update File: f.txt\n@@ b\n c\n-d\n+D\n\n*** End of File")),
    ("End of File on unterminated file", {"f.txt": "a\nb"}, B("*** Update File: f.txt\n@@\n-b\n+B\n\n*** End of File")),
    # pure additions
    ("pure addition before a final empty line", {"f.txt": "a\n\n"}, B("*** Update File: f.txt\n@@\n+X")),
    ("pure addition to an empty file", {"f.txt": ""}, B("*** Update File: f.txt\n@@\n+X")),
    ("pure addition to unterminated file", {"f.txt": "a"}, B("*** Update File: f.txt\n@@\n+X")),
    ("pure addition then replacement before it", {"f.txt": "a\nb\n"}, B("*** Update File: f.txt\n@@\n+X\n@@\n-b\n+B\n*** End of File")),
    ("pure addition with context header goes to the end", {"f.txt": "a\nb\nc\n"}, B("*** Update File: f.txt\n@@ a\n+X")),
    # line endings
    ("CRLF patch text", F, "*** Begin Patch\r\n*** Update File: f.txt\r\n@@\r\n-b\r\n+B\r\n*** End Patch\r\n"),
    ("CRLF patch Add", {}, "*** Begin Patch\r\n*** Add File: n.txt\r\n+x\r\n*** End Patch"),
    ("CRLF file", {"f.txt": "a\r\nb\r\nc\r\n"}, B("*** Update File: f.txt\n@@\n a\n-b\n+B\n+B2")),
    ("mixed endings", {"f.txt": "a\r\nb\nc\r\n"}, B("*** Update File: f.txt\n@@\n-b\n+B\n+B2")),
    ("lone CR ends a line", {"f.txt": "a\rb\r"}, B("*** Update File: f.txt\n@@\n-a\n-b\n+x")),
    ("lone CR first sets the ending", {"f.txt": "a\rb\n"}, B("*** Update File: f.txt\n@@\n a\n-b\n+B")),
    ("CR CR", {"f.txt": "a\r\rb"}, B("*** Update File: f.txt\n@@\n a\n \n-b\n+B")),
    ("LF then CR", {"f.txt": "a\n\rb\n"}, B("*** Update File: f.txt\n@@\n a\n \n-b\n+B")),
    ("CR inside a patch line", {"f.txt": "a\rb\n"}, B("*** Update File: f.txt\n@@\n-a\rb\n+x")),
    ("CR then CRLF", {"f.txt": "ab\r\r\n"}, B("*** Update File: f.txt\n@@\n-ab\n+x")),
    ("CR-terminated pure addition", {"f.txt": "a\r"}, B("*** Update File: f.txt\n@@\n+Z")),
    ("missing final newline gains one", {"f.txt": "no newline at end"}, B("*** Update File: f.txt\n@@\n-no newline at end\n+first line\n+second line")),
    ("untouched unterminated last line gains one", {"f.txt": "a\nb"}, B("*** Update File: f.txt\n@@\n-a\n+A")),
    ("Update of a file that is not UTF-8", {"f.txt": "base64:" + base64.b64encode(b"a\xff\n").decode()}, B("*** Update File: f.txt\n@@\n+x")),
    ("Delete of a file that is not UTF-8", {"f.txt": "base64:" + base64.b64encode(b"a\xff\n").decode()}, B("*** Delete File: f.txt")),
    # found by bench/apply-patch/difftest.py
    ("difftest seed 1 case 481", {"f0.txt": "naïve café\ngamma y\n", "sub/g.txt": "trail  \r\ndup    "},
     "*** Begin Patch\n*** Update File: sub/g.txt\n@@\n trail  \n   dup\n*** Update File: sub/g.txt\n@@ dup    \n+fn main() {\n+-minus\n@@\n-dup    \n*** End of File\n*** Update File: f0.txt\n-naïve café \n gamma y\n@@\n+em—dash @@ at\n*** End Patch"),
    ("difftest seed 1 case 508", {"f1.txt": "y\r\nbeta\r\n-minus    \nx\nem—dash\r\ndelta fn main() {\n-minus\r\n"},
     B("*** Update File: f1.txt\n@@ -minus    \n x\n-  em—dash\n-delta fn main() {\n--minus \n+    *** star\n\n*** End of File")),
]


def snapshot(root):
    out = {}
    for d, dirs, fs in os.walk(root):
        rel = os.path.relpath(d, root)
        if not dirs and not fs and rel != ".":
            out[rel + "/"] = ""
        for f in fs:
            p = os.path.join(d, f)
            data = open(p, "rb").read()
            try:
                out[os.path.relpath(p, root)] = data.decode("utf-8")
            except UnicodeDecodeError:
                out[os.path.relpath(p, root)] = "base64:" + base64.b64encode(data).decode()
    return out


def run(cmd, files, patch):
    box = tempfile.mkdtemp(prefix="apgold-")
    try:
        for name, text in files.items():
            p = os.path.join(box, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as fh:
                fh.write(base64.b64decode(text[7:]) if text.startswith("base64:") else text.encode("utf-8"))
        proc = subprocess.run(cmd + [patch], cwd=box, capture_output=True, timeout=120)
        fix = lambda b: b.decode("utf-8", "replace").replace(box, "<CWD>")
        return {"tree": snapshot(box), "exit": proc.returncode, "stdout": fix(proc.stdout), "stderr": fix(proc.stderr)}
    finally:
        shutil.rmtree(box)


def main():
    mode, cmd = sys.argv[1], [os.path.expanduser(a) for a in sys.argv[2:]]
    if mode == "record":
        cases = []
        for name, files, patch in CASES:
            cases.append({"name": name, "files": files, "patch": patch, "expected": run(cmd, files, patch)})
        with open(OUT, "w", encoding="utf-8") as fh:
            json.dump({"recordedWith": "codex-cli 0.169.0 native binary invoked as apply_patch", "cases": cases},
                      fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        print("recorded %d cases into %s" % (len(cases), os.path.relpath(OUT)))
        return 0
    data = json.load(open(OUT, encoding="utf-8"))
    bad = 0
    for case in data["cases"]:
        got = run(cmd, case["files"], case["patch"])
        if got != case["expected"]:
            bad += 1
            print("DIFF %s\n  expected %r\n  got      %r" % (case["name"], case["expected"], got))
    print("golden: %d cases, %d differ" % (len(data["cases"]), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
