namespace Cdx.ExecPolicy.Rules;

/// <summary>A `prefix_rule`: argv starting with <see cref="First"/> then <see cref="Rest"/> gets <see cref="Decision"/>.</summary>
public sealed record PrefixRule(
    string First, IReadOnlyList<PatternToken> Rest, Decision Decision, string? Justification, RuleSource? Source = null)
{
    /// <summary>The argv prefix this rule matches, or null.</summary>
    public IReadOnlyList<string>? MatchPrefix(IReadOnlyList<string> argv)
    {
        var length = Rest.Count + 1;
        if (argv.Count < length || argv[0] != First)
        {
            return null;
        }
        for (var i = 0; i < Rest.Count; i++)
        {
            if (!Rest[i].Matches(argv[i + 1]))
            {
                return null;
            }
        }
        return argv.Take(length).ToList();
    }

    /// <summary>True for rules that come from requirements `[rules]` (they survive `.rules` failures).</summary>
    public bool FromRequirements { get; init; }

    /// <summary>Renders the pattern for people, e.g. `git [push|commit]`.</summary>
    public string PatternText => string.Join(" ", new[] { First }.Concat(Rest.Select(t => t.ToString())));
}
