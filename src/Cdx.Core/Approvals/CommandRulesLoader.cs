using Cdx.Config;
using Cdx.ExecPolicy;
using Cdx.ExecPolicy.Rules;

namespace Cdx.Core.Approvals;

/// <summary>
/// Builds the thread's command policy through <see cref="RulesDiscovery"/>: `.rules` files of the
/// system, user and trusted project folders (spec rules.md §4), then requirements `[rules]` on top.
/// </summary>
public static class CommandRulesLoader
{
    /// <summary>
    /// Loads the rules. A `.rules` parse error is not fatal: it becomes a warning in
    /// <paramref name="warnings"/> and only the requirements rules apply (spec rules.md §7).
    /// Unreadable rule folders throw <see cref="PolicyLoadException"/>, as in Codex.
    /// </summary>
    public static Policy Load(EffectiveConfig config, bool ignoreRules, out IReadOnlyList<string> warnings)
    {
        var loaded = RulesDiscovery.Load(config, ignoreRules);
        warnings = loaded.Warning is { } w ? [$"{RulesParseWarning.Summary} {w.Detail}"] : [];
        return loaded.Policy;
    }
}
