using Cdx.ApplyPatch.Applying;
using Cdx.Testing;

namespace Cdx.ApplyPatch.Tests;

/// <summary>Codex's own apply_patch fixture scenarios (../shared/conformance/apply-patch), applied in-process.</summary>
public sealed class ConformanceScenarioTests
{
    private const string Box = "{{BOX}}";

    /// <summary>Every scenario directory name; a placeholder row when ../shared is absent (the theory is skipped then).</summary>
    public static IEnumerable<object[]> Scenarios()
    {
        if (RepoPaths.SharedDir is null)
        {
            return [["(shared suite absent)"]];
        }
        var dir = SharedSuite.PathOf("conformance", "apply-patch", "scenarios");
        return Directory.EnumerateDirectories(dir)
            .Where(d => File.Exists(Path.Combine(d, "patch.txt")))
            .Select(d => new object[] { Path.GetFileName(d) })
            .OrderBy(r => (string)r[0], StringComparer.Ordinal);
    }

    [SharedSuiteTheory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_leaves_exactly_the_expected_tree(string name)
    {
        var scenario = SharedSuite.PathOf("conformance", "apply-patch", "scenarios", name);
        using var box = new TempDir();
        var cwd = box["cwd"];
        var input = Path.Combine(scenario, "input");
        if (Directory.Exists(input))
        {
            TreeSnapshot.Copy(input, cwd);
        }
        Directory.CreateDirectory(cwd);
        var outsideInput = Path.Combine(scenario, "input_outside");
        if (Directory.Exists(outsideInput))
        {
            TreeSnapshot.Copy(outsideInput, box.Path);
        }
        var patch = File.ReadAllText(Path.Combine(scenario, "patch.txt")).Replace(Box, box.Path);

        var exit = StandaloneApplyPatch.Run(patch, cwd, new StringWriter(), new StringWriter());

        Assert.Equal(TreeSnapshot.Take(Path.Combine(scenario, "expected")), TreeSnapshot.Take(cwd));
        var exitFile = Path.Combine(scenario, "exit_code");
        if (File.Exists(exitFile))
        {
            Assert.Equal(int.Parse(File.ReadAllText(exitFile).Trim()) == 0, exit == 0);
        }
    }
}
