using System.Text.Json;
using Cdx.ExecPolicy.Check;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Tests;

/// <summary>
/// Replays rule files and command lines whose expected output was recorded from the real Codex
/// 0.169.0 `codex execpolicy check` (Fixtures/check-peer-cases.jsonl, and
/// Fixtures/check-difftest-cases.jsonl written by bench/execpolicy/difftest.py --record).
/// </summary>
public sealed class PeerCheckFixtureTests
{
    public static IEnumerable<object[]> Cases()
    {
        var index = 0;
        var files = new[] { "check-peer-cases.jsonl", "check-difftest-cases.jsonl" };
        foreach (var line in files.SelectMany(f => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", f))))
        {
            // Usage errors (exit 2) are about argument parsing, covered by the CLI tests.
            if (!string.IsNullOrWhiteSpace(line) && !line.Contains("\"exit\": 2", StringComparison.Ordinal))
            {
                yield return [index++, line];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_output_and_exit_status_match_codex(int index, string caseJson)
    {
        using var doc = JsonDocument.Parse(caseJson);
        var root = doc.RootElement;
        var expectedExit = root.GetProperty("exit").GetInt32();
        var dir = Directory.CreateTempSubdirectory("cdx-ep-");
        try
        {
            var rules = root.GetProperty("rules").EnumerateArray().Select((r, i) =>
            {
                var p = Path.Combine(dir.FullName, $"r{i}.rules");
                File.WriteAllText(p, r.GetString());
                return p;
            }).ToList();
            var (resolve, pretty, argv) = SplitOptions(root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList());
            string stdout;
            int exit;
            try
            {
                stdout = PolicyCheck.Run(rules, argv, resolve, pretty) + "\n";
                exit = 0;
            }
            catch (PolicyLoadException)
            {
                stdout = "";
                exit = 1;
            }
            Assert.True(expectedExit == exit, $"case {index}: exit {exit}, expected {expectedExit}; stdout {stdout}");
            Assert.Equal(root.GetProperty("stdout").GetString(), stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The recorded cases put check's own flags first and may use `-c`/`--`; the rest is argv.
    private static (bool Resolve, bool Pretty, List<string> Argv) SplitOptions(List<string> args)
    {
        bool resolve = false, pretty = false;
        var i = 0;
        for (; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--resolve-host-executables":
                    resolve = true;
                    continue;
                case "--pretty":
                    pretty = true;
                    continue;
                case "-c":
                    i++;
                    continue;
                case "--":
                    i++;
                    break;
            }
            break;
        }
        return (resolve, pretty, args.Skip(i).ToList());
    }
}
