using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Safety;

/// <summary>The decision for a segment no rule matched (spec rules.md §6.2), checked in the spec's order.</summary>
public static class Heuristics
{
    /// <summary>
    /// Decides <paramref name="segment"/> from the approval policy, the sandbox, the escalation
    /// request and the known-safe/dangerous classifiers. <paramref name="usedComplexParsing"/> (the
    /// here-document fallback) disables the known-safe shortcut.
    /// </summary>
    public static HeuristicDecision Decide(IReadOnlyList<string> segment, ExecRequest request, bool usedComplexParsing)
    {
        var mode = request.ApprovalPolicy.Mode;
        var knownSafe = KnownSafeCommands.IsKnownSafe(segment);
        if (knownSafe && !usedComplexParsing && mode == ApprovalMode.Untrusted)
        {
            return new(Decision.Allow, "known-safe command under untrusted", true, null);
        }
        if (DangerousCommands.Match(segment) is { } dangerous)
        {
            return mode == ApprovalMode.Never
                ? new(Decision.Forbidden, "dangerous command (forced rm) under never", knownSafe, dangerous)
                : new(Decision.Prompt, "dangerous command (forced rm) needs approval", knownSafe, dangerous);
        }
        var unrestricted = request.SandboxMode is SandboxMode.DangerFullAccess or SandboxMode.ExternalSandbox;
        var escalated = request.SandboxPermissions == SandboxPermissions.RequireEscalated;
        return mode switch
        {
            ApprovalMode.Never => new(Decision.Allow, "never: run in the sandbox without asking", knownSafe, null),
            ApprovalMode.Untrusted => new(Decision.Prompt,
                usedComplexParsing && knownSafe ? "untrusted: here-document commands are never auto-approved"
                    : "untrusted: not a known-safe command", knownSafe, null),
            _ when unrestricted => new(Decision.Allow, $"{Name(mode)}: unrestricted sandbox, not dangerous", knownSafe, null),
            _ when escalated => new(Decision.Prompt, $"{Name(mode)}: escalation requested from a restricted sandbox", knownSafe, null),
            _ => new(Decision.Allow, $"{Name(mode)}: the sandbox enforces restrictions", knownSafe, null),
        };
    }

    private static string Name(ApprovalMode mode) => mode switch
    {
        ApprovalMode.OnFailure => "on-failure",
        ApprovalMode.Granular => "granular",
        _ => "on-request",
    };
}
