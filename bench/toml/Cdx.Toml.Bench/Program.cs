using System.Diagnostics;
using System.Globalization;
using Cdx.Toml;

// Parses one file many times and prints the median throughput. Input is the file's bytes in
// memory, so UTF-8 decoding counts (as it does for the tomllib side of run.sh) but disk does not.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Cdx.Toml.Bench FILE.toml [ITERATIONS]");
    return 2;
}
var bytes = File.ReadAllBytes(args[0]);
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;

// Warm-up: long enough for tiered JIT to reach optimised code (and OSR for the hot loops).
var keys = 0;
var warm = Stopwatch.StartNew();
for (var i = 0; i < 10 || warm.Elapsed < TimeSpan.FromSeconds(2); i++)
{
    keys += TomlParser.ParseUtf8(bytes).Count;
}

var times = new double[iterations];
for (var i = 0; i < iterations; i++)
{
    var sw = Stopwatch.StartNew();
    keys += TomlParser.ParseUtf8(bytes).Count;
    times[i] = sw.Elapsed.TotalSeconds;
}
Array.Sort(times);
var median = times[iterations / 2];
var mbps = bytes.Length / 1e6 / median;
// One machine-readable line for run.sh; the key count keeps the parse from being optimised away.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cdx mbps={mbps:F2} median_ms={median * 1e3:F3} min_ms={times[0] * 1e3:F3} runs={iterations} bytes={bytes.Length} keys={keys % 1000}"));
return 0;
