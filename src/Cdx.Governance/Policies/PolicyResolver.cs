namespace Cdx.Governance.Policies;

/// <summary>
/// First-match resolution: the first rule whose group contains the user decides, else the default.
/// Later matches are reported but never fill fields, because the chosen policy is the complete profile.
/// </summary>
public static class PolicyResolver
{
    /// <summary>Resolves for a subject that is a member of <paramref name="groupIds"/>.</summary>
    public static PolicyResolution Resolve(IReadOnlyList<AssignmentRule> rules, string? defaultPolicyId, IReadOnlySet<string> groupIds)
    {
        var matches = rules.OrderBy(r => r.Index).Where(r => groupIds.Contains(r.GroupId)).ToList();
        if (matches.Count == 0)
        {
            return new PolicyResolution { PolicyId = defaultPolicyId, Source = defaultPolicyId is null ? "none" : "default" };
        }
        var first = matches[0];
        return new PolicyResolution
        {
            PolicyId = first.PolicyId,
            Source = "rule",
            RuleIndex = first.Index,
            MatchedGroupId = first.GroupId,
            LaterMatches = matches.Skip(1).ToArray(),
        };
    }
}
