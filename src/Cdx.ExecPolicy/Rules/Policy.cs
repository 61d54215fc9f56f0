namespace Cdx.ExecPolicy.Rules;

/// <summary>A set of prefix rules indexed by program, plus host-executable allow lists.</summary>
public sealed class Policy
{
    private readonly Dictionary<string, List<PrefixRule>> _rulesByProgram = new(StringComparer.Ordinal);
    private readonly List<string> _programOrder = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _hostExecutables = new(StringComparer.Ordinal);

    /// <summary>An empty policy.</summary>
    public static Policy Empty => new();

    /// <summary>All prefix rules in definition order, grouped by program.</summary>
    public IEnumerable<PrefixRule> Rules => _programOrder.SelectMany(p => _rulesByProgram[p]);

    /// <summary>Host executable allow lists by bare name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HostExecutables => _hostExecutables;

    /// <summary>Adds a rule after the existing rules for its program.</summary>
    public void Add(PrefixRule rule)
    {
        if (!_rulesByProgram.TryGetValue(rule.First, out var list))
        {
            list = [];
            _rulesByProgram[rule.First] = list;
            _programOrder.Add(rule.First);
        }
        list.Add(rule);
    }

    /// <summary>Sets (replaces) the allowed absolute paths of a host executable.</summary>
    public void SetHostExecutable(string name, IReadOnlyList<string> paths) => _hostExecutables[name] = paths;

    /// <summary>A new policy holding this policy's rules followed by <paramref name="overlay"/>'s.</summary>
    public Policy Merge(Policy overlay)
    {
        var merged = new Policy();
        foreach (var rule in Rules.Concat(overlay.Rules))
        {
            merged.Add(rule);
        }
        foreach (var (name, paths) in _hostExecutables.Concat(overlay._hostExecutables))
        {
            merged.SetHostExecutable(name, paths);
        }
        return merged;
    }

    /// <summary>
    /// Every rule matching <paramref name="argv"/>: exact program rules first; when none match and
    /// <paramref name="resolveHostExecutables"/> is set, rules for the program's basename.
    /// </summary>
    public IReadOnlyList<RuleMatch> Match(IReadOnlyList<string> argv, bool resolveHostExecutables)
    {
        if (argv.Count == 0)
        {
            return [];
        }
        var exact = MatchProgram(argv[0], argv, null);
        if (exact.Count > 0 || !resolveHostExecutables)
        {
            return exact;
        }
        var resolved = HostPaths.Normalize(argv[0]);
        var basename = resolved is null ? null : Path.GetFileName(resolved);
        if (string.IsNullOrEmpty(basename))
        {
            return [];
        }
        if (_hostExecutables.TryGetValue(basename, out var allowed) && !allowed.Contains(resolved, StringComparer.Ordinal))
        {
            return [];
        }
        var rewritten = new List<string>(argv) { [0] = basename };
        return MatchProgram(basename, rewritten, resolved);
    }

    private List<RuleMatch> MatchProgram(string program, IReadOnlyList<string> argv, string? resolvedProgram)
    {
        if (!_rulesByProgram.TryGetValue(program, out var rules))
        {
            return [];
        }
        var matches = new List<RuleMatch>();
        foreach (var rule in rules)
        {
            if (rule.MatchPrefix(argv) is { } prefix)
            {
                matches.Add(new RuleMatch(prefix, rule.Decision, rule.Justification, resolvedProgram, rule));
            }
        }
        return matches;
    }
}
