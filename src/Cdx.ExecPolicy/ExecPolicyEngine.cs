using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;
using Cdx.ExecPolicy.Safety;
using Cdx.ExecPolicy.Shell;

namespace Cdx.ExecPolicy;

/// <summary>
/// The agent's command gate: splits a command (spec rules.md §5), matches every segment against
/// the policy with host-executable resolution, falls back to the built-in heuristics for
/// unmatched segments (§6.2), and maps the strictest decision to run / sandbox / ask / forbid
/// under the approval policy (§6.1, §9), with Codex's reason texts.
/// </summary>
public sealed class ExecPolicyEngine(Policy policy)
{
    private const string PromptConflictReason = "approval required by policy, but AskForApproval is set to Never";
    private const string GranularSandboxReason = "approval required by policy, but AskForApproval::Granular.sandbox_approval is false";
    private const string GranularRulesReason = "approval required by policy rule, but AskForApproval::Granular.rules is false";

    /// <summary>The policy this engine evaluates against.</summary>
    public Policy Policy { get; } = policy;

    /// <summary>
    /// Judges one command the model wants to run. Never throws for any argv; an empty argv is
    /// forbidden.
    /// </summary>
    public ExecVerdict Evaluate(ExecRequest request)
    {
        var command = request.Command;
        if (command.Count == 0)
        {
            return Verdict(ExecVerdictKind.Forbid, Decision.Forbidden, SplitKind.NotAWrapper, [], "empty command rejected: nothing to run");
        }
        var split = ShellWrapper.Split(command);
        var segments = split.Segments.Select(segment =>
        {
            var matches = Policy.Match(segment, resolveHostExecutables: true);
            return new SegmentVerdict(segment, matches,
                matches.Count > 0 ? null : Heuristics.Decide(segment, request, split.UsedComplexParsing));
        }).ToList();
        if (request.SandboxPermissions == SandboxPermissions.RequireEscalated
            && request.ApprovalPolicy.Mode is ApprovalMode.Never or ApprovalMode.Untrusted or ApprovalMode.OnFailure)
        {
            // Codex refuses escalation requests outright unless the policy can surface them
            // (before rules are consulted; the segments are kept for explanations only).
            var name = DebugName(request.ApprovalPolicy.Mode);
            return Verdict(ExecVerdictKind.Forbid, Decision.Forbidden, split.Kind, segments,
                $"approval policy is {name}; reject command — you cannot ask for escalated permissions if the approval policy is {name}");
        }
        var decision = segments.Max(s => s.Decision);
        var allMatches = segments.SelectMany(s => s.Rules).ToList();
        switch (decision)
        {
            case Decision.Forbidden:
                return ForbiddenVerdict(command, split.Kind, segments, allMatches);
            case Decision.Prompt:
                var fromRule = allMatches.Any(m => m.Decision == Decision.Prompt);
                var deciding = LongestMatch(allMatches, Decision.Prompt);
                if (RejectPrompt(request.ApprovalPolicy, fromRule) is { } rejection)
                {
                    return Verdict(ExecVerdictKind.Forbid, decision, split.Kind, segments, rejection) with
                    {
                        PromptFromRule = fromRule,
                        Justification = deciding?.Justification,
                    };
                }
                var rendered = Shlex.Join(command);
                var reason = deciding is null ? null
                    : deciding.Justification is { } j ? $"`{rendered}` requires approval: {j}"
                    : $"`{rendered}` requires approval by policy";
                return Verdict(ExecVerdictKind.Ask, decision, split.Kind, segments, reason) with
                {
                    PromptFromRule = fromRule,
                    Justification = deciding?.Justification,
                };
            default:
                var bypass = segments.All(s => s.ExplicitlyAllowed);
                return Verdict(bypass ? ExecVerdictKind.RunOutsideSandbox : ExecVerdictKind.RunInSandbox, decision, split.Kind, segments, null)
                    with { Justification = LongestMatch(allMatches, Decision.Allow)?.Justification };
        }
    }

    private static ExecVerdict ForbiddenVerdict(
        IReadOnlyList<string> command, SplitKind split, List<SegmentVerdict> segments, List<RuleMatch> matches)
    {
        var rendered = Shlex.Join(command);
        var deciding = LongestMatch(matches, Decision.Forbidden);
        string reason;
        if (deciding is not null)
        {
            reason = deciding.Justification is { } j
                ? $"`{rendered}` rejected: {j}"
                : $"`{rendered}` rejected: policy forbids commands starting with `{Shlex.Join(deciding.MatchedPrefix)}`";
        }
        else
        {
            var dangerous = segments.Select(s => s.Heuristic?.Dangerous).FirstOrDefault(d => d is not null);
            reason = dangerous is { } d
                ? $"`{rendered}` rejected: {DangerousCommands.RejectionText(d)}"
                : $"`{rendered}` rejected: blocked by policy";
        }
        return Verdict(ExecVerdictKind.Forbid, Decision.Forbidden, split, segments, reason) with { Justification = deciding?.Justification };
    }

    // The most specific (longest) matching rule with the decision; on ties the last one, as Codex's max_by_key.
    private static RuleMatch? LongestMatch(IEnumerable<RuleMatch> matches, Decision decision)
    {
        RuleMatch? best = null;
        foreach (var m in matches.Where(m => m.Decision == decision))
        {
            if (best is null || m.MatchedPrefix.Count >= best.MatchedPrefix.Count)
            {
                best = m;
            }
        }
        return best;
    }

    /// <summary>The rejection text when the approval policy cannot surface a prompt; null when it can.</summary>
    public static string? RejectPrompt(ApprovalPolicy approval, bool promptFromRule) => approval.Mode switch
    {
        ApprovalMode.Never => PromptConflictReason,
        ApprovalMode.Granular when promptFromRule && approval.Granular is { Rules: false } => GranularRulesReason,
        ApprovalMode.Granular when !promptFromRule && approval.Granular is { SandboxApproval: false } => GranularSandboxReason,
        _ => null,
    };

    private static string DebugName(ApprovalMode mode) => mode switch
    {
        ApprovalMode.Never => "Never",
        ApprovalMode.Untrusted => "UnlessTrusted",
        ApprovalMode.OnFailure => "OnFailure",
        ApprovalMode.OnRequest => "OnRequest",
        _ => "Granular",
    };

    private static ExecVerdict Verdict(
        ExecVerdictKind kind, Decision decision, SplitKind split, IReadOnlyList<SegmentVerdict> segments, string? reason) => new()
        {
            Kind = kind,
            Decision = decision,
            Split = split,
            Segments = segments,
            Reason = reason,
        };
}
