#!/usr/bin/env python3
"""Writes a deterministic, realistic TOML config of about SIZE bytes (default 1 MiB).

It looks like a large Codex config.toml grown over time: commented sections, projects with
trust levels, model providers with inline header tables, MCP servers with arrays of tables,
profiles, strings with escapes, every number base, floats, dates and multi-line strings.
The output is checked with tomllib so a generator bug cannot silently bench an error path.

usage: generate.py OUT.toml [SIZE_BYTES]
"""
import random
import sys
import tomllib

WORDS = ("alpha beta gamma delta openai model sandbox policy network review fast slow local remote "
         "docs search index cache token retry stream tool shell patch").split()


def word(r):
    return r.choice(WORDS)


def basic_string(r):
    # Escapes a TOML parser must decode: quotes, backslashes, tabs, newlines, \u and \U.
    parts = [word(r), "\\\"q\\\"", "C:\\\\tmp\\\\" + word(r), "tab\\there", "\\u00e9t\\u00e9", "\\U0001F680", "line\\n"]
    r.shuffle(parts)
    return '"' + " ".join(parts[: r.randint(2, len(parts))]) + '"'


def section(r, i):
    out = []
    kind = i % 6
    if kind == 0:
        out.append(f"# Project {i}: trusted after review on day {i % 365}")
        out.append(f'[projects."/home/dev/src/{word(r)}-{i}"]')
        out.append(f'trust_level = "{r.choice(["trusted", "untrusted"])}"')
        out.append(f"last_opened = 2024-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(7 * i) % 60:02d}Z")
    elif kind == 1:
        name = f"{word(r)}{i}"
        out.append(f"[model_providers.{name}]")
        out.append(f'name = "{word(r).title()} provider #{i}"')
        out.append(f'base_url = "https://{word(r)}.example.com:{8000 + i % 1000}/v1"')
        out.append(f'env_key = "{name.upper()}_API_KEY"  # read from the environment')
        out.append(f'http_headers = {{ "X-Client" = "cdx", "X-Req" = "{i}", Accept = \'application/json\' }}')
        out.append(f"request_max_retries = {r.randint(0, 9)}")
        out.append(f"stream_idle_timeout_ms = {r.randint(1, 900)}_000")
        out.append(f"temperature = {r.random():.4f}")
        out.append(f"top_p = {r.choice(['1.0', '0.95', '9.5e-1', '+0.5'])}")
    elif kind == 2:
        server = f"{word(r)}-{i}"
        out.append(f"[mcp_servers.{server}]")
        out.append('command = "npx"')
        out.append(f'args = ["-y", "@acme/{server}", "--root", \'/srv/data/{i}\', "--verbose"]')
        out.append(f'env = {{ TOKEN = "tok_{i:08x}", LEVEL = "{word(r)}", nested = {{ depth = {i % 5}, on = true }} }}')
        out.append(f"startup_timeout_sec = {r.randint(5, 60)}.5")
        for t in range(r.randint(1, 4)):
            out.append("")
            out.append(f"[[mcp_servers.{server}.tools]]")
            out.append(f'name = "{word(r)}_{t}"')
            out.append(f"description = {basic_string(r)}")
            out.append(f"enabled = {r.choice(['true', 'false'])}")
            out.append(f"weights = [{', '.join(f'{r.uniform(-100, 100):.3f}' for _ in range(5))}]")
    elif kind == 3:
        out.append(f"[profiles.p{i}]")
        out.append(f'model = "gpt-{r.randint(4, 5)}.{r.randint(0, 9)}"')
        out.append(f'model_reasoning_effort = "{r.choice(["low", "medium", "high"])}"')
        out.append(f"flags = 0x{r.getrandbits(32):08X}")
        out.append(f"mode = 0o{r.randint(0, 0o777):o}")
        out.append(f"mask = 0b{r.getrandbits(12):b}")
        out.append(f"budget = {r.randint(-10**12, 10**12)}")
        out.append(f"since = 19{r.randint(70, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}")
        out.append(f"daily_at = {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00.{r.randint(0, 999):03d}")
        out.append(f"rotated = 2023-11-0{r.randint(1, 9)} 10:3{r.randint(0, 9)}:00.{r.randint(0, 999999)}-07:00")
        out.append(f"local_stamp = 2022-02-02T02:02:0{r.randint(0, 9)}")
        out.append("limits = [ inf, -inf, nan, 6.02e23, -1.5E-7, 1_000.000_1 ]")
        out.append(f"tools.web_search = {r.choice(['true', 'false'])}")
        out.append(f'tools.shell.allowed = ["git", "ls", "rg", "{word(r)}"]')
    elif kind == 4:
        out.append(f"[notes.n{i}]")
        out.append('text = """')
        for _ in range(r.randint(2, 5)):
            out.append(f"  {word(r)} {word(r)} \"{word(r)}\" {word(r)} \\t {i}")
        out.append('ends here"""')
        out.append("raw = '''")
        out.append(f"C:\\Users\\{word(r)}\\no\\escapes\\here {i}")
        out.append("'''")
        out.append(f"folded = \"\"\"one \\\n    two \\\n    three {i}\"\"\"")
    else:
        out.append(f"# Matrix {i}")
        out.append(f"[matrix.m{i}]")
        out.append("rows = [")
        for _ in range(r.randint(2, 4)):
            out.append(f"  [{', '.join(str(r.randint(-999, 999)) for _ in range(6))}],  # row")
        out.append("]")
        out.append(f'points = [ {{ x = {r.randint(0, 99)}, y = {r.randint(0, 99)} }}, {{ x = 1, y = 2, label = "p" }} ]')
        out.append(f"'literal key {i}' = 'literal value'")
        out.append(f'"quoted\\tkey {i}" = "v"')
    out.append("")
    return "\n".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
    r = random.Random(1979)
    chunks = ["# Generated benchmark config (bench/toml/generate.py)\n",
              'model = "gpt-5"\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n']
    total = sum(len(c) for c in chunks)
    i = 0
    while total < size:
        chunk = section(r, i) + "\n"
        chunks.append(chunk)
        total += len(chunk.encode())
        i += 1
    text = "".join(chunks)
    tomllib.loads(text)  # must be valid TOML
    with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{sys.argv[1]}: {len(text.encode())} bytes, {i} sections", file=sys.stderr)


if __name__ == "__main__":
    main()
