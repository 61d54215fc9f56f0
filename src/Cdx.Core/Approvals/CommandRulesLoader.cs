using Cdx.Config;
using Cdx.Config.Layers;
using Cdx.ExecPolicy.Rules;
using ExecPatternToken = Cdx.ExecPolicy.Rules.PatternToken;

namespace Cdx.Core.Approvals;

/// <summary>
/// Builds the thread's command policy: `.rules` files of every active config layer (system, user,
/// trusted projects; spec rules.md §4) then requirements `[rules]` on top.
/// </summary>
public static class CommandRulesLoader
{
    /// <summary>
    /// Loads the rules. A `.rules` parse error is not fatal: it becomes a warning in
    /// <paramref name="warnings"/> and only the requirements rules apply (spec rules.md §7).
    /// </summary>
    public static Policy Load(EffectiveConfig config, string codexHome, bool ignoreRules, out IReadOnlyList<string> warnings)
    {
        var notes = new List<string>();
        warnings = notes;
        var files = new List<string>();
        foreach (var dir in RuleDirectories(config, codexHome, ignoreRules))
        {
            if (Directory.Exists(dir))
            {
                files.AddRange(Directory.GetFiles(dir, "*.rules").Where(File.Exists).Order(StringComparer.Ordinal));
            }
        }
        var loader = new PolicyLoader();
        var policy = Policy.Empty;
        try
        {
            foreach (var file in files)
            {
                loader.LoadFile(file);
            }
            policy = loader.Build();
        }
        catch (PolicyLoadException e) when (!e.IsIoError)
        {
            var line = e.Line > 0 ? e.Line : 1;
            notes.Add($"Error parsing rules; custom rules not applied. {e.PolicyPath}:{line}: {e.Detail} (problem is on or around line {line})");
        }
        return policy.Merge(FromRequirements(config));
    }

    /// <summary>The requirements `[rules] prefix_rules` as a policy.</summary>
    public static Policy FromRequirements(EffectiveConfig config)
    {
        var policy = new Policy();
        foreach (var r in config.Requirements.PrefixRules?.Value ?? [])
        {
            if (r.Pattern.Count == 0)
            {
                continue;
            }
            var rest = r.Pattern.Skip(1).Select(t => new ExecPatternToken(t.Alternatives)).ToList();
            foreach (var first in r.Pattern[0].Alternatives)
            {
                policy.Add(new PrefixRule(first, rest, DecisionText.Parse(r.Decision), r.Justification,
                    new RuleSource(r.Path ?? "requirements", r.Line, r.Column)));
            }
        }
        return policy;
    }

    private static IEnumerable<string> RuleDirectories(EffectiveConfig config, string codexHome, bool ignoreRules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var userDir = Path.Combine(codexHome, "rules");
        foreach (var layer in config.Layers)
        {
            if (!layer.Enabled || layer.Path is null || layer.Kind is not (LayerKind.System or LayerKind.User or LayerKind.Project))
            {
                continue;
            }
            if (ignoreRules && layer.Kind != LayerKind.System)
            {
                continue;
            }
            var dir = Path.Combine(Path.GetDirectoryName(layer.Path)!, "rules");
            if (layer.Kind == LayerKind.User && !seen.Contains(userDir))
            {
                dir = userDir;
            }
            if (seen.Add(dir))
            {
                yield return dir;
            }
        }
        if (!ignoreRules && seen.Add(userDir))
        {
            yield return userDir;
        }
    }
}
