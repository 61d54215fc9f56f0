using Cdx.Config.Requirements;

namespace Cdx.ExecPolicy.Rules;

/// <summary>Turns requirements `[rules] prefix_rules` (already validated by Cdx.Config) into prefix rules.</summary>
public static class RequirementsRules
{
    /// <summary>
    /// A policy holding one rule per entry (one per alternative when the first position is
    /// `any_of`, as for `.rules` files); empty when the requirements set no rules.
    /// </summary>
    public static Policy ToPolicy(EffectiveRequirements requirements)
    {
        var policy = new Policy();
        if (requirements.PrefixRules is not { } sourced)
        {
            return policy;
        }
        foreach (var entry in sourced.Value)
        {
            var decision = entry.Decision == "forbidden" ? Decision.Forbidden : Decision.Prompt;
            var rest = entry.Pattern.Skip(1).Select(t => new PatternToken(t.Alternatives)).ToList();
            var source = entry.Path is { } path
                ? new RuleSource(path, entry.Line, entry.Column)
                : new RuleSource(entry.Source.Label);
            foreach (var head in entry.Pattern[0].Alternatives)
            {
                policy.Add(new PrefixRule(head, rest, decision, entry.Justification, source) { FromRequirements = true });
            }
        }
        return policy;
    }
}
