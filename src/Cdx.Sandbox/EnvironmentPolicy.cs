namespace Cdx.Sandbox;

/// <summary>`shell_environment_policy.inherit`: the starting set of variables.</summary>
public enum EnvironmentInherit
{
    /// <summary>The whole parent environment.</summary>
    All,

    /// <summary>Only the core variables (HOME LOGNAME PATH SHELL USER USERNAME TMPDIR TEMP TMP).</summary>
    Core,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>`[shell_environment_policy]`: which variables a spawned command sees.</summary>
public sealed record EnvironmentPolicy
{
    /// <summary>Starting set.</summary>
    public EnvironmentInherit Inherit { get; init; } = EnvironmentInherit.All;

    /// <summary>When false, names matching *KEY*, *SECRET*, *TOKEN* are dropped.</summary>
    public bool IgnoreDefaultExcludes { get; init; }

    /// <summary>More name globs to drop.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Forced values.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>When non-empty, only names matching one of these globs survive (applied after <see cref="Set"/>).</summary>
    public IReadOnlyList<string> IncludeOnly { get; init; } = [];

    /// <summary>The default policy (inherit all, default excludes on).</summary>
    public static EnvironmentPolicy Default { get; } = new();
}
