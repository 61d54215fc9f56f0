using System.Text;
using System.Text.Json;
using Cdx.ApplyPatch.Applying;

namespace Cdx.ApplyPatch.Tests;

/// <summary>
/// Edge cases whose expected tree, exit code, stdout and stderr were recorded from the real Codex
/// 0.169 apply_patch binary (bench/apply-patch/record_golden.py), replayed through the standalone command.
/// </summary>
public sealed class CodexGoldenCaseTests
{
    private const string CwdToken = "<CWD>";

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "codex-cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone(), StringComparer.Ordinal);
    });

    public static IEnumerable<object[]> Names() => Cases.Value.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Names))]
    public void Standalone_apply_patch_matches_codex(string name)
    {
        var testCase = Cases.Value[name];
        using var box = new TempDir();
        foreach (var file in testCase.GetProperty("files").EnumerateObject())
        {
            var full = box[file.Name];
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Decode(file.Value.GetString()!));
        }
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = StandaloneApplyPatch.Run(testCase.GetProperty("patch").GetString()!, box.Path, stdout, stderr);

        var expected = testCase.GetProperty("expected");
        Assert.Equal(expected.GetProperty("stderr").GetString(), stderr.ToString().Replace(box.Path, CwdToken, StringComparison.Ordinal));
        Assert.Equal(expected.GetProperty("stdout").GetString(), stdout.ToString().Replace(box.Path, CwdToken, StringComparison.Ordinal));
        Assert.Equal(expected.GetProperty("exit").GetInt32(), exit);
        var wantTree = expected.GetProperty("tree").EnumerateObject()
            .Select(e => e.Name.EndsWith('/') ? $"{e.Name} => <empty dir>" : $"{e.Name} => {Convert.ToHexString(Decode(e.Value.GetString()!))}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(wantTree, TreeSnapshot.Take(box.Path));
    }

    [Fact]
    public void Golden_file_covers_the_edge_cases_it_claims()
    {
        Assert.True(Cases.Value.Count >= 100, $"only {Cases.Value.Count} recorded cases");
        Assert.Contains("lone CR ends a line", Cases.Value.Keys);
        Assert.Contains("End of File chunk before the cursor", Cases.Value.Keys);
    }

    private static byte[] Decode(string text) => text.StartsWith("base64:", StringComparison.Ordinal)
        ? Convert.FromBase64String(text["base64:".Length..])
        : Encoding.UTF8.GetBytes(text);
}
