using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;
using Cdx.ExecPolicy.Shell;
using Cdx.Sandbox;
using SandboxMode = Cdx.Sandbox.SandboxMode;
using RuleDecision = Cdx.ExecPolicy.Rules.Decision;

namespace Cdx.Core.Approvals;

/// <summary>
/// The one adapter between the agent and Cdx.ExecPolicy: split the command, match rules
/// (`.rules` + requirements `[rules]`), fall back to heuristics per segment, and turn the strictest
/// decision into run / ask / reject with Codex's texts (spec rules.md §6, §9, §11).
/// </summary>
public sealed class CommandPolicy
{
    private readonly Policy _rules;
    private readonly ApprovalPolicy _approval;
    private readonly SandboxMode _sandbox;

    /// <summary>Creates the adapter for one thread's rules, approval policy and sandbox mode.</summary>
    public CommandPolicy(Policy rules, ApprovalPolicy approval, SandboxMode sandbox)
    {
        _rules = rules;
        _approval = approval;
        _sandbox = sandbox;
    }

    /// <summary>Judges <paramref name="argv"/> (as it would be exec'd, wrapper included).</summary>
    public CommandAssessment Assess(IReadOnlyList<string> argv, bool escalationRequested)
    {
        var display = Shlex.Join(argv);
        var overall = RuleDecision.Allow;
        var allExplicitAllow = true;
        var anyRulePrompt = false;
        RuleMatch? forbiddenRule = null;
        string? promptJustification = null;
        var heuristicForbidden = false;
        foreach (var segment in ShellSplitter.Segments(argv))
        {
            var matches = _rules.Match(segment, resolveHostExecutables: true);
            if (matches.Count == 0)
            {
                allExplicitAllow = false;
                var h = Heuristic(segment, argv, escalationRequested);
                heuristicForbidden |= h == RuleDecision.Forbidden;
                overall = DecisionText.Max(overall, h);
                continue;
            }
            var strictest = matches.Max(m => m.Decision);
            allExplicitAllow &= strictest == RuleDecision.Allow;
            if (strictest == RuleDecision.Forbidden)
            {
                var longest = matches.Where(m => m.Decision == RuleDecision.Forbidden).MaxBy(m => m.MatchedPrefix.Count)!;
                if (forbiddenRule is null || longest.MatchedPrefix.Count > forbiddenRule.MatchedPrefix.Count)
                {
                    forbiddenRule = longest;
                }
            }
            else if (strictest == RuleDecision.Prompt)
            {
                anyRulePrompt = true;
                promptJustification ??= matches.FirstOrDefault(m => m.Decision == RuleDecision.Prompt && m.Justification is not null)?.Justification;
            }
            overall = DecisionText.Max(overall, strictest);
        }
        return overall switch
        {
            RuleDecision.Forbidden => new CommandAssessment(CommandVerdict.Reject, ForbiddenReason(display, forbiddenRule, heuristicForbidden), false, forbiddenRule is not null),
            RuleDecision.Prompt => PromptOutcome(display, anyRulePrompt, promptJustification),
            _ => new CommandAssessment(CommandVerdict.Run, null, allExplicitAllow, false),
        };
    }

    private CommandAssessment PromptOutcome(string display, bool fromRule, string? justification)
    {
        switch (_approval.Mode)
        {
            case ApprovalMode.Never:
                return new CommandAssessment(CommandVerdict.Reject, ApprovalTexts.PromptUnderNever, false, fromRule);
            case ApprovalMode.Granular when _approval.Granular is { } g && !(fromRule ? g.Rules : g.SandboxApproval):
                return new CommandAssessment(CommandVerdict.Reject, ApprovalTexts.PromptUnderGranular(fromRule), false, fromRule);
        }
        var reason = !fromRule ? null
            : justification is not null ? $"`{display}` requires approval: {justification}"
            : $"`{display}` requires approval by policy";
        return new CommandAssessment(CommandVerdict.Ask, reason, false, fromRule);
    }

    private static string ForbiddenReason(string display, RuleMatch? rule, bool heuristic)
    {
        if (rule is not null)
        {
            return rule.Justification is { } j
                ? $"`{display}` rejected: {j}"
                : $"`{display}` rejected: policy forbids commands starting with `{string.Join(' ', rule.MatchedPrefix)}`";
        }
        return heuristic ? $"`{display}` rejected: {CommandHeuristics.RmForceReason}" : $"`{display}` rejected: blocked by policy";
    }

    // spec rules.md §6.2, checked in order.
    private RuleDecision Heuristic(IReadOnlyList<string> segment, IReadOnlyList<string> whole, bool escalation)
    {
        var mode = _approval.Mode;
        if (mode == ApprovalMode.Untrusted && CommandHeuristics.IsKnownSafe(segment))
        {
            return RuleDecision.Allow;
        }
        if (CommandHeuristics.IsDangerous(segment) || (ReferenceEquals(segment, whole) && CommandHeuristics.IsDangerousAnywhere(whole)))
        {
            return mode == ApprovalMode.Never ? RuleDecision.Forbidden : RuleDecision.Prompt;
        }
        if (mode == ApprovalMode.Never)
        {
            return RuleDecision.Allow;
        }
        if (mode == ApprovalMode.Untrusted)
        {
            return RuleDecision.Prompt;
        }
        if (_sandbox == SandboxMode.DangerFullAccess)
        {
            return RuleDecision.Allow;
        }
        return escalation ? RuleDecision.Prompt : RuleDecision.Allow;
    }
}
