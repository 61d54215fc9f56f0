namespace Cdx.Config.Model;

/// <summary>The settings requirements constrain, after derived defaults and fallbacks.</summary>
public sealed record ResolvedSettings(
    ApprovalPolicy ApprovalPolicy,
    ApprovalsReviewer ApprovalsReviewer,
    SandboxMode SandboxMode,
    WebSearchMode WebSearch,
    IReadOnlyDictionary<string, bool> Features);
