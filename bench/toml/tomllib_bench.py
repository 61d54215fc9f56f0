#!/usr/bin/env python3
"""Median tomllib parse throughput of one file, printed like the .NET bench: `tomllib mbps=...`.

The input is the file's bytes in memory; decoding to str is timed with the parse, as the .NET
side times UTF-8 decoding with its parse.

usage: tomllib_bench.py FILE.toml [ITERATIONS]
"""
import statistics
import sys
import time
import tomllib


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    tomllib.loads(data.decode("utf-8"))  # warm-up (imports, caches)
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        tomllib.loads(data.decode("utf-8"))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"tomllib mbps={len(data) / 1e6 / median:.2f} median_ms={median * 1e3:.3f} "
          f"min_ms={min(times) * 1e3:.3f} runs={iterations} bytes={len(data)}")


if __name__ == "__main__":
    main()
