namespace Cdx.Governance.Policies;

/// <summary>Which policy applies and why: the rule that matched (or the default), and rules that also matched later.</summary>
public sealed record PolicyResolution
{
    /// <summary>The chosen policy id, or null when no rule matched and there is no default.</summary>
    public string? PolicyId { get; init; }

    /// <summary>`rule`, `default` or `none`.</summary>
    public required string Source { get; init; }

    /// <summary>Zero-based index of the matching rule, or null for the default.</summary>
    public int? RuleIndex { get; init; }

    /// <summary>The group whose rule matched, or null for the default.</summary>
    public string? MatchedGroupId { get; init; }

    /// <summary>Rules that would also have matched; ignored because the first match is the complete profile.</summary>
    public IReadOnlyList<AssignmentRule> LaterMatches { get; init; } = [];
}
