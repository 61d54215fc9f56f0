using Cdx.Config.Layers;
using Cdx.Config.Model;
using Cdx.Config.Requirements;

namespace Cdx.Config;

/// <summary>The result of loading: typed config, merged tree, origins, requirements, constraints and notices.</summary>
public sealed record EffectiveConfig
{
    /// <summary>The typed effective configuration.</summary>
    public required CdxConfig Config { get; init; }

    /// <summary>The merged raw tree (before defaults and fallbacks); leaves carry their origin.</summary>
    public required ConfigNode Merged { get; init; }

    /// <summary>The layer stack, lowest first, including disabled layers.</summary>
    public required IReadOnlyList<ConfigLayer> Layers { get; init; }

    /// <summary>The merged requirements.</summary>
    public required EffectiveRequirements Requirements { get; init; }

    /// <summary>Origin of every effective leaf key (dotted, TOML-quoted segments).</summary>
    public required IReadOnlyDictionary<string, ConfigOrigin> Origins { get; init; }

    /// <summary>Keys constrained by requirements.</summary>
    public required IReadOnlyList<ConstraintInfo> Constraints { get; init; }

    /// <summary>Warnings for the user (fallbacks, untrusted project, unknown keys, ...), in order.</summary>
    public required IReadOnlyList<string> Notices { get; init; }

    /// <summary>The project root and trust decision.</summary>
    public required ProjectTrust Trust { get; init; }

    /// <summary>The selected profile, or null.</summary>
    public string? Profile { get; init; }

    /// <summary>The options the config was loaded with.</summary>
    public required ConfigLoadOptions Options { get; init; }
}
