namespace Cdx.Config.Layers;

/// <summary>Config layers, lowest precedence first.</summary>
public enum LayerKind
{
    /// <summary>Built-in defaults (not a file).</summary>
    Default,
    /// <summary>`&lt;system dir&gt;/config.toml`.</summary>
    System,
    /// <summary>`$CODEX_HOME/config.toml`.</summary>
    User,
    /// <summary>A profile (`[profiles.x]` table or `x.config.toml`).</summary>
    Profile,
    /// <summary>A project `.codex/config.toml`.</summary>
    Project,
    /// <summary>`-c`, `--enable/--disable` and dedicated flags.</summary>
    SessionFlags,
    /// <summary>`&lt;system dir&gt;/managed_config.toml` (managed defaults, above everything).</summary>
    ManagedConfig,
}
