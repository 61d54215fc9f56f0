namespace Cdx.Config.Features;

/// <summary>Looks up feature flags by canonical name or legacy alias.</summary>
public static partial class FeatureRegistry
{
    // Legacy spellings Codex still accepts on --enable/--disable and in [features].
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["codex_hooks"] = "hooks",
        ["connectors"] = "apps",
        ["collab"] = "multi_agent",
        ["web_search"] = "web_search_request",
    };

    // Lazy because static initialisers in partial files run in an unspecified order.
    private static readonly Lazy<Dictionary<string, FeatureSpec>> ByNameLazy =
        new(() => All.ToDictionary(s => s.Name, StringComparer.Ordinal));

    private static Dictionary<string, FeatureSpec> ByName => ByNameLazy.Value;

    /// <summary>Every known feature in registry order.</summary>
    public static IReadOnlyList<FeatureSpec> All => Specs;

    /// <summary>Resolves a canonical name or alias; null when unknown.</summary>
    public static FeatureSpec? Find(string name)
    {
        if (ByName.TryGetValue(name, out var spec))
        {
            return spec;
        }
        return Aliases.TryGetValue(name, out var canonical) && ByName.TryGetValue(canonical, out spec) ? spec : null;
    }
}
