using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;
using Cdx.ExecPolicy.Safety;
using Cdx.ExecPolicy.Shell;

namespace Cdx.ExecPolicy;

/// <summary>What the tool call asked for (`sandbox_permissions` of `exec_command`).</summary>
public enum SandboxPermissions
{
    /// <summary>`use_default`: run under the configured sandbox.</summary>
    UseDefault,
    /// <summary>`require_escalated`: the model asks to run outside the sandbox.</summary>
    RequireEscalated,
}

/// <summary>One command to judge: its argv, the session's approval policy and sandbox, and the escalation request.</summary>
public sealed record ExecRequest(
    IReadOnlyList<string> Command,
    ApprovalPolicy ApprovalPolicy,
    SandboxMode SandboxMode,
    SandboxPermissions SandboxPermissions = SandboxPermissions.UseDefault);

/// <summary>What the agent must do with a command.</summary>
public enum ExecVerdictKind
{
    /// <summary>Run without prompting and outside the sandbox (every segment matched an explicit `allow` rule).</summary>
    RunOutsideSandbox,
    /// <summary>Run without prompting inside the configured sandbox.</summary>
    RunInSandbox,
    /// <summary>Ask the user first; on approval the command runs outside the sandbox.</summary>
    Ask,
    /// <summary>Do not run; return <see cref="ExecVerdict.Reason"/> to the model.</summary>
    Forbid,
}

/// <summary>The built-in decision for a segment no rule matched (spec rules.md §6.2).</summary>
public sealed record HeuristicDecision(Decision Decision, string Explanation, bool KnownSafe, DangerousMatch? Dangerous);

/// <summary>One segment of the command: the rules that matched it, or the heuristic used instead.</summary>
public sealed record SegmentVerdict(IReadOnlyList<string> Command, IReadOnlyList<RuleMatch> Rules, HeuristicDecision? Heuristic)
{
    /// <summary>The segment's decision: strictest matching rule, else the heuristic's.</summary>
    public Decision Decision => Rules.Count > 0 ? Rules.Max(r => r.Decision) : Heuristic!.Decision;

    /// <summary>True when at least one explicit `allow` rule matched (needed for sandbox bypass).</summary>
    public bool ExplicitlyAllowed => Rules.Any(r => r.Decision == Decision.Allow);
}

/// <summary>The result of <see cref="ExecPolicyEngine.Evaluate"/>.</summary>
public sealed record ExecVerdict
{
    /// <summary>What to do.</summary>
    public required ExecVerdictKind Kind { get; init; }

    /// <summary>The strictest decision over all segments (before the approval policy turned prompts into rejections).</summary>
    public required Decision Decision { get; init; }

    /// <summary>
    /// For <see cref="ExecVerdictKind.Forbid"/>: the exact text for the model. For
    /// <see cref="ExecVerdictKind.Ask"/>: "`cmd` requires approval: …" when a rule caused the prompt,
    /// null when only heuristics did (as in Codex). Null otherwise.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>The justification of the rule that decided (longest matching prefix of the deciding decision), if any.</summary>
    public string? Justification { get; init; }

    /// <summary>True when a `prompt` rule (not a heuristic) caused the prompt.</summary>
    public bool PromptFromRule { get; init; }

    /// <summary>How the command was split.</summary>
    public required SplitKind Split { get; init; }

    /// <summary>Every segment with its matches or heuristic, in order.</summary>
    public required IReadOnlyList<SegmentVerdict> Segments { get; init; }

    /// <summary>All rule matches over all segments, in order.</summary>
    public IEnumerable<RuleMatch> MatchedRules => Segments.SelectMany(s => s.Rules);
}
