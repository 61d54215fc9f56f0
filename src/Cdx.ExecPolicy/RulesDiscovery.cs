using Cdx.Config;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy;

/// <summary>A `.rules` file that failed to parse at startup; the session continues with requirements rules only.</summary>
public sealed record RulesParseWarning(PolicyLoadException Error)
{
    /// <summary>The short message shown to the user.</summary>
    public const string Summary = "Error parsing rules; custom rules not applied.";

    /// <summary>`path:line:col: error (problem is on or around line N)`.</summary>
    public string Detail => Error.Line > 0
        ? $"{Error.PolicyPath}:{Error.Line}:{Error.Column}: {Error.Detail} (problem is on or around line {Error.Line})"
        : $"{Error.PolicyPath}: {Error.Detail}";
}

/// <summary>The command-rules policy in effect for a session and where it came from.</summary>
public sealed record LoadedRules
{
    /// <summary>The merged policy: `.rules` files (unless one failed) overlaid with requirements rules.</summary>
    public required Policy Policy { get; init; }

    /// <summary>The `rules/` folders searched, lowest precedence first.</summary>
    public required IReadOnlyList<string> Folders { get; init; }

    /// <summary>The `.rules` files loaded, in load order (empty when one failed to parse).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Number of rules contributed by requirements `[rules]`.</summary>
    public int RequirementRuleCount { get; init; }

    /// <summary>Set when a `.rules` file failed to parse (spec rules.md §7).</summary>
    public RulesParseWarning? Warning { get; init; }
}

/// <summary>
/// Finds and loads the `.rules` files of a configuration (spec rules.md §4): `&lt;system&gt;/rules`,
/// `$CODEX_HOME/rules`, then each trusted project `.codex/rules` from the project root down to
/// cwd; then overlays the requirements `[rules]`.
/// </summary>
public static class RulesDiscovery
{
    /// <summary>The `rules/` folders for <paramref name="config"/>, lowest precedence first.</summary>
    public static IReadOnlyList<string> Folders(EffectiveConfig config, bool ignoreUserAndProjectRules = false)
    {
        var options = config.Options;
        var folders = new List<string> { Path.Combine(options.SystemConfigDir, "rules") };
        if (ignoreUserAndProjectRules)
        {
            return folders;
        }
        folders.Add(Path.Combine(options.CodexHome, "rules"));
        foreach (var dir in config.Trust.RootToCwd())
        {
            var dotCodex = Path.Combine(dir, ".codex");
            // $CODEX_HOME is a user layer even when it is also some directory's `.codex`.
            if (config.Trust.Enables(dir) && Directory.Exists(dotCodex)
                && !string.Equals(Path.GetFullPath(dotCodex), Path.GetFullPath(options.CodexHome), StringComparison.Ordinal))
            {
                folders.Add(Path.Combine(dotCodex, "rules"));
            }
        }
        return folders;
    }

    /// <summary>Regular `*.rules` files directly in <paramref name="folder"/>, sorted by path; none when it does not exist.</summary>
    public static IReadOnlyList<string> FilesIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.TopDirectoryOnly)
                .Where(f => f.Extension == ".rules" && (f.Attributes & FileAttributes.ReparsePoint) == 0)
                .Select(f => f.FullName)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyLoadException(folder, $"failed to read rules files: {e.Message}", isIoError: true);
        }
    }

    /// <summary>
    /// Loads the session policy. A file that fails to parse does not abort: the result holds only
    /// the requirements rules and a <see cref="LoadedRules.Warning"/>. I/O errors throw
    /// <see cref="PolicyLoadException"/> (fatal, as in Codex). <paramref name="extraFiles"/> (e.g.
    /// `explain --rules F`) load after the discovered files and their parse errors throw.
    /// </summary>
    public static LoadedRules Load(EffectiveConfig config, bool ignoreUserAndProjectRules = false, IReadOnlyList<string>? extraFiles = null)
    {
        var folders = Folders(config, ignoreUserAndProjectRules);
        var files = folders.SelectMany(FilesIn).ToList();
        var requirements = RequirementsRules.ToPolicy(config.Requirements);
        var loader = new PolicyLoader();
        RulesParseWarning? warning = null;
        foreach (var file in files)
        {
            try
            {
                loader.LoadFile(file);
            }
            catch (PolicyLoadException e) when (!e.IsIoError)
            {
                warning = new RulesParseWarning(e);
                break;
            }
        }
        if (warning is not null)
        {
            loader = new PolicyLoader();
            files = [];
        }
        foreach (var file in extraFiles ?? [])
        {
            loader.LoadFile(file);
            files.Add(file);
        }
        return new LoadedRules
        {
            Policy = loader.Build().Merge(requirements),
            Folders = folders,
            Files = files,
            RequirementRuleCount = requirements.Rules.Count(),
            Warning = warning,
        };
    }
}
