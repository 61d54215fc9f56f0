namespace Cdx.Governance.Client.Telemetry;

/// <summary>The event types and, for compliance types, the kinds the server accepts.</summary>
public static class TelemetryEventTypes
{
    /// <summary>Token usage of one model response.</summary>
    public const string Usage = "usage";

    /// <summary>Agent activity for the compliance log.</summary>
    public const string CodexLog = "CODEX_LOG";

    /// <summary>Security-relevant decisions for the compliance log.</summary>
    public const string CodexSecurityLog = "CODEX_SECURITY_LOG";

    /// <summary>A code review completed by the agent (payload: `review_id`, `comments`, `p0`, `p1`, `p2`).</summary>
    public const string CodeReview = "code_review";

    /// <summary>A reply or reaction to a review comment (payload: `comment_id`, `reaction`, `reply`).</summary>
    public const string CodeReviewResponse = "code_review_response";

    /// <summary>The two compliance log types, which are hash-chained.</summary>
    public static IReadOnlyList<string> ComplianceTypes { get; } = [CodexLog, CodexSecurityLog];

    /// <summary>Every accepted type.</summary>
    public static IReadOnlyList<string> All { get; } = [Usage, CodexLog, CodexSecurityLog, CodeReview, CodeReviewResponse];

    /// <summary>The kinds a client may send for <paramref name="type"/> (empty = kind not checked).</summary>
    public static IReadOnlyList<string> KindsOf(string type) => type switch
    {
        CodexLog => ["prompt", "agent_message", "tool_call", "tool_result", "file_change"],
        CodexSecurityLog => ["approval", "rejection", "sandbox_denial", "requirement_fallback", "policy_fetch_failure", "rule_match"],
        _ => [],
    };
}
