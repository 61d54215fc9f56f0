namespace Cdx.Core.Approvals;

/// <summary>The outcome of checking one command against rules, requirements and heuristics.</summary>
/// <param name="Verdict">Run, ask or reject.</param>
/// <param name="Reason">The rejection text (Reject) or the prompt reason (Ask); null for Run.</param>
/// <param name="BypassSandbox">True when every segment matched an explicit `allow` rule: run unsandboxed.</param>
/// <param name="FromRule">True when a rule (rather than a heuristic) caused the prompt.</param>
public sealed record CommandAssessment(CommandVerdict Verdict, string? Reason, bool BypassSandbox, bool FromRule)
{
    /// <summary>Run inside the configured sandbox.</summary>
    public static CommandAssessment RunSandboxed { get; } = new(CommandVerdict.Run, null, false, false);
}
