using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Config.Requirements;

/// <summary>The merged requirements: each field from the first source that set it, typed and validated.</summary>
public sealed record EffectiveRequirements
{
    /// <summary>No requirements at all.</summary>
    public static EffectiveRequirements Empty { get; } = new();

    /// <summary>Every merged field (snake_case key) with its raw value and source, in merge order.</summary>
    public IReadOnlyDictionary<string, Sourced<TomlValue>> Fields { get; init; } = new Dictionary<string, Sourced<TomlValue>>();

    /// <summary>`allowed_approval_policies` (first = fallback); may contain `granular`.</summary>
    public Sourced<IReadOnlyList<string>>? AllowedApprovalPolicies { get; init; }

    /// <summary>`allowed_approvals_reviewers` (first = fallback).</summary>
    public Sourced<IReadOnlyList<ApprovalsReviewer>>? AllowedApprovalsReviewers { get; init; }

    /// <summary>`allowed_sandbox_modes` after `remote_sandbox_config` host matching; always contains read-only.</summary>
    public Sourced<IReadOnlyList<SandboxMode>>? AllowedSandboxModes { get; init; }

    /// <summary>`allowed_web_search_modes`, always including `disabled`.</summary>
    public Sourced<IReadOnlyList<WebSearchMode>>? AllowedWebSearchModes { get; init; }

    /// <summary>Feature pins by canonical name.</summary>
    public Sourced<IReadOnlyDictionary<string, bool>>? FeaturePins { get; init; }

    /// <summary>`[rules] prefix_rules` for the command-rules engine.</summary>
    public Sourced<IReadOnlyList<PrefixRuleRequirement>>? PrefixRules { get; init; }

    /// <summary>MCP allowlist by server name; an empty table disables every server.</summary>
    public Sourced<IReadOnlyDictionary<string, McpServerIdentity>>? McpServers { get; init; }

    /// <summary>`[experimental_network]`.</summary>
    public Sourced<NetworkRequirements>? Network { get; init; }

    /// <summary>`enforce_residency` (only `us`).</summary>
    public Sourced<string>? EnforceResidency { get; init; }

    /// <summary>The source of a field, or null when no source set it.</summary>
    public RequirementsSource? SourceOf(string field) => Fields.TryGetValue(field, out var f) ? f.Source : null;
}
