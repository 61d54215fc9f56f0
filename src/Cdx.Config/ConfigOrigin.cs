namespace Cdx.Config;

/// <summary>Which kind of source produced an effective value.</summary>
public enum OriginKind
{
    /// <summary>Built into cdx.</summary>
    Default,
    /// <summary>Derived from project trust or other settings when nothing set the key.</summary>
    DerivedDefault,
    /// <summary>The system config.toml (e.g. /etc/codex/config.toml).</summary>
    System,
    /// <summary>$CODEX_HOME/config.toml.</summary>
    User,
    /// <summary>A profile: `[profiles.name]` in the user file or `$CODEX_HOME/name.config.toml`.</summary>
    Profile,
    /// <summary>A trusted project's `.codex/config.toml`.</summary>
    Project,
    /// <summary>A `-c key=value` override.</summary>
    CliOverride,
    /// <summary>`--enable` / `--disable`.</summary>
    FeatureFlag,
    /// <summary>A dedicated flag such as `--sandbox` or `--model`.</summary>
    DedicatedFlag,
    /// <summary>The legacy managed defaults file (managed_config.toml).</summary>
    ManagedConfig,
    /// <summary>A requirement forced the value (fallback or pin).</summary>
    Requirement,
}

/// <summary>Where an effective value came from; files carry their absolute path and line.</summary>
public sealed record ConfigOrigin(OriginKind Kind, string Label, string? Path = null, int Line = 0)
{
    /// <summary>The built-in default origin.</summary>
    public static ConfigOrigin BuiltIn { get; } = new(OriginKind.Default, "default");

    /// <summary>The same origin pointing at another line of the same file.</summary>
    public ConfigOrigin AtLine(int line) => this with { Line = line };

    /// <summary>`/abs/file.toml:12` for files, otherwise the label (`-c model=o3`, `default`, ...).</summary>
    public override string ToString() =>
        Path is null ? Label : Line > 0 ? $"{Path}:{Line}" : Path;

    /// <summary>A place for error messages: the file path, or the label of a flag.</summary>
    public string Place => Path ?? Label;
}
