using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Check;

/// <summary>What `execpolicy check` does: load rule files in order, match one argv, render JSON.</summary>
public static class PolicyCheck
{
    /// <summary>
    /// Loads <paramref name="rulePaths"/> and returns the JSON report for <paramref name="argv"/>.
    /// Throws <see cref="PolicyLoadException"/> when a file cannot be read or evaluated.
    /// </summary>
    public static string Run(IReadOnlyList<string> rulePaths, IReadOnlyList<string> argv, bool resolveHostExecutables, bool pretty)
    {
        var loader = new PolicyLoader();
        foreach (var path in rulePaths)
        {
            loader.LoadFile(path);
        }
        var matches = loader.Build().Match(argv, resolveHostExecutables);
        return CheckJson.Format(matches, pretty);
    }
}
