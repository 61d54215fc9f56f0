using Cdx.Config.Requirements;

namespace Cdx.Config;

/// <summary>A config key constrained by a requirement: which requirement, its source, what it allows, and whether it forced a fallback.</summary>
public sealed record ConstraintInfo(
    string Key,
    string Requirement,
    RequirementsSource Source,
    IReadOnlyList<string> Allowed,
    bool FallbackApplied);
