namespace Cdx.Core.Tools;

/// <summary>
/// A security-relevant decision of the tool runtime, reported through <see cref="IToolEvents.SecurityDecision"/>
/// so audit logs (governance `CODEX_SECURITY_LOG`) see the same facts the model is told.
/// </summary>
/// <param name="Kind">Approval, rejection or sandbox denial.</param>
/// <param name="CallId">The tool call it belongs to.</param>
/// <param name="Subject">The shlex-joined command, or the patch's paths joined by newlines.</param>
/// <param name="Reason">The text the decision rests on (the rule's or policy's reason, the denial evidence).</param>
public sealed record ToolSecurityFact(ToolSecurityKind Kind, string CallId, string Subject, string Reason)
{
    /// <summary>True when a `.rules` rule (rather than a heuristic or the approval policy) caused it.</summary>
    public bool FromRule { get; init; }

    /// <summary>Where the decision was made: `rule`, `policy`, `escalation`, `approval`, `sandbox`, `patch`.</summary>
    public required string Source { get; init; }
}
