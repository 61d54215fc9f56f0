namespace Cdx.Governance.Policies;

/// <summary>One ordered assignment rule: members of <see cref="GroupId"/> get <see cref="PolicyId"/>.</summary>
public sealed record AssignmentRule(int Index, string GroupId, string PolicyId);
