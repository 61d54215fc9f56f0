namespace Cdx.Config.Requirements;

/// <summary>A `[rules] prefix_rules` entry from requirements, for the command-rules engine.</summary>
public sealed record PrefixRuleRequirement(
    IReadOnlyList<PatternToken> Pattern,
    string Decision,
    string? Justification,
    RequirementsSource Source,
    string? Path,
    int Line,
    int Column);
