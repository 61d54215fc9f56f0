using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cdx.Testing;
using Xunit.Abstractions;

namespace Cdx.Toml.Tests;

/// <summary>
/// Thousands of seeded random mutations of valid documents: the parser may only ever throw
/// TomlParseException and must always finish; the editor, given what parsed, must write valid
/// TOML holding the new value or refuse with TomlEditException.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    // Fixed so a failure reproduces; CDX_TOML_FUZZ_SEED explores other seeds.
    private const int DefaultSeed = 0x7011;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static int Seed => EnvInt("CDX_TOML_FUZZ_SEED") ?? DefaultSeed;

    // CDX_TOML_FUZZ_SCALE multiplies the case counts for a longer hunt outside CI.
    private static int Scale => Math.Max(1, EnvInt("CDX_TOML_FUZZ_SCALE") ?? 1);

    [Fact]
    public void The_seed_documents_are_valid_toml()
    {
        foreach (var (name, bytes) in SeedDocuments.All)
        {
            Assert.True(TomlParser.ParseUtf8(bytes, name).Count > 0, name);
        }
    }

    [Fact]
    public void Mutated_seed_documents_only_ever_raise_the_parser_error_and_edit_cleanly()
    {
        Run(SeedDocuments.All, Seed, cases: 2000 * Scale);
    }

    [SharedSuiteFact]
    public void Mutated_valid_corpus_files_only_ever_raise_the_parser_error_and_edit_cleanly()
    {
        var corpus = TomlTestSuite.Files("1.0.0", "valid/")
            .Select(f => (f, TomlTestSuite.Read(f)))
            .Concat(SeedDocuments.All)
            .ToList();
        Run(corpus, Seed, cases: 6000 * Scale);
    }

    [Theory]
    [InlineData("a = ", "[", "]")]
    [InlineData("a = ", "{b=", "}")]
    [InlineData("a = ", "[{b=", "}]")]
    public void Absurdly_deep_nesting_is_a_parse_error_not_a_stack_overflow(string prefix, string open, string close)
    {
        const int depth = 100_000;
        var text = prefix + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.Parse(text));
        Assert.Contains("nested", ex.Reason);
    }

    [Fact]
    public void Nesting_up_to_256_levels_parses_and_one_more_is_an_error()
    {
        static string Nested(int depth) => "a = " + new string('[', depth) + new string(']', depth);
        Assert.Single(TomlParser.Parse(Nested(256)));
        Assert.Throws<TomlParseException>(() => TomlParser.Parse(Nested(257)));
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var v) ? v : null;

    private void Run(IReadOnlyList<(string Name, byte[] Bytes)> corpus, int seed, int cases)
    {
        var stats = new Stats();
        var current = "";
        Exception? crashed = null;
        // A dedicated thread so a hang is observable from here (and a big stack in case a
        // mutation nests deeply; the parser must reject that itself, not overflow).
        var worker = new Thread(
            () =>
            {
                try
                {
                    var mutator = new TomlMutator(seed);
                    var random = new Random(seed ^ 0x5EED);
                    for (var i = 0; i < cases; i++)
                    {
                        var (name, source) = corpus[random.Next(corpus.Count)];
                        var steps = new List<string>();
                        var bytes = mutator.Mutate(source, corpus[random.Next(corpus.Count)].Bytes, steps);
                        var label = $"seed {seed} case {i}: {name} after [{string.Join(", ", steps)}]";
                        Volatile.Write(ref current, label);
                        Check(bytes, label, random, stats);
                        Interlocked.Increment(ref stats.Done);
                    }
                }
                catch (Exception ex)
                {
                    crashed = ex;
                }
            },
            maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "toml-fuzz" };
        worker.Start();

        var lastDone = -1;
        var idle = Stopwatch.StartNew();
        while (!worker.Join(100))
        {
            var done = Volatile.Read(ref stats.Done);
            if (done != lastDone)
            {
                lastDone = done;
                idle.Restart();
            }
            else if (idle.Elapsed > Watchdog)
            {
                Assert.Fail($"no progress for {Watchdog.TotalSeconds} s (a hang) on {Volatile.Read(ref current)}");
            }
        }
        Assert.Null(crashed);
        output.WriteLine(
            $"seed {seed}: {cases} mutated documents, {stats.Rejected} rejected with TomlParseException, {stats.Parsed} parsed, " +
            $"{stats.Edited} edited and re-parsed, {stats.EditRefused} edits refused with TomlEditException");
        Assert.True(stats.Failures.Count == 0, $"{stats.Failures.Count} failures (seed {seed}; set CDX_TOML_FUZZ_SEED to vary):\n" + string.Join("\n\n", stats.Failures.Take(10)));
        // Guard against a mutator that no longer mutates (or breaks everything): both outcomes must occur.
        Assert.True(stats.Rejected > cases / 10 && stats.Parsed > cases / 20, $"unexpected mix: {stats.Rejected} rejected, {stats.Parsed} parsed");
    }

    private static void Check(byte[] bytes, string label, Random random, Stats stats)
    {
        TomlTable document;
        try
        {
            document = TomlParser.ParseUtf8(bytes, "fuzz.toml");
        }
        catch (TomlParseException ex)
        {
            stats.Rejected++;
            if (ex.Line < 1 || ex.Column < 1 || ex.Line > bytes.Count(b => b == '\n') + 1 || ex.Reason.Length == 0)
            {
                stats.Failures.Add($"{label}: error place {ex.Line}:{ex.Column} outside the input\n{Show(bytes)}");
            }
            return;
        }
        catch (Exception ex)
        {
            stats.Failures.Add($"{label}: the parser threw {ex}\n{Show(bytes)}");
            return;
        }
        stats.Parsed++;

        var text = Encoding.UTF8.GetString(bytes);
        var (path, value) = PickEdit(document, random);
        var shownPath = string.Join(" / ", path.Select(p => TomlMutator.Escape(p)));
        try
        {
            var editor = TomlEditor.Parse(text, "fuzz.toml");
            editor.Set(path, value);
            var reparsed = TomlParser.Parse(editor.Text);
            var got = DocumentPaths.Lookup(reparsed, path);
            if (!SameScalar(got, value))
            {
                stats.Failures.Add($"{label}: after setting {shownPath} the document holds {got?.TypeName ?? "nothing"} there\n{Show(Encoding.UTF8.GetBytes(editor.Text))}");
                return;
            }
            stats.Edited++;
        }
        catch (TomlEditException)
        {
            stats.EditRefused++;
        }
        catch (Exception ex)
        {
            stats.Failures.Add($"{label}: setting {shownPath} threw {ex}\n{Show(bytes)}");
        }
    }

    /// <summary>Either a new key in some table or a new value for some existing leaf.</summary>
    private static (string[] Path, TomlValue Value) PickEdit(TomlTable document, Random random)
    {
        var (leaves, tables) = DocumentPaths.Collect(document);
        TomlValue value = random.Next(2) == 0
            ? new TomlInteger(random.NextInt64(long.MinValue, long.MaxValue))
            : new TomlString("fuzz \"quoted\" \\ tab\t new\nline é \U0001F600");
        if (leaves.Count > 0 && random.Next(2) == 0)
        {
            return (leaves[random.Next(leaves.Count)], value);
        }
        return ([.. tables[random.Next(tables.Count)], random.Next(2) == 0 ? "cdx_added" : "needs quotes.here"], value);
    }

    private static bool SameScalar(TomlValue? got, TomlValue want) => (got, want) switch
    {
        (TomlInteger g, TomlInteger w) => g.Value == w.Value,
        (TomlString g, TomlString w) => g.Value == w.Value,
        _ => false,
    };

    private static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return "  input: " + TomlMutator.Escape(text.Length > 800 ? text[..800] + "..." : text);
    }

    private sealed class Stats
    {
        public int Done;
        public int Rejected;
        public int Parsed;
        public int Edited;
        public int EditRefused;
        public List<string> Failures { get; } = [];
    }
}
