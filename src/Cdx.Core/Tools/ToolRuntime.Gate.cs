using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.ExecPolicy.Shell;
using Cdx.Sandbox;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    private enum GateKind
    {
        Run,
        Escalation,
        Rejected,
        ApprovalFailed,
    }

    /// <summary>The approval outcome for a command: run (maybe unsandboxed), or a rejection text.</summary>
    private sealed record Gate(GateKind Kind, bool Unsandboxed = false, string? Reason = null);

    /// <summary>Rules, heuristics and approvals for one command (spec sandbox-approvals.md §5, §7; rules.md §6).</summary>
    private async Task<Gate> GateCommandAsync(
        string callId, IReadOnlyList<string> argv, string workdir, bool escalate, string? justification,
        IReadOnlyList<string>? prefixRule, IToolEvents events, CancellationToken ct)
    {
        var display = Shlex.Join(argv);
        if (escalate && !CanAskForEscalation)
        {
            var refused = ApprovalTexts.EscalationRefused(_o.Approval.Mode);
            events.SecurityDecision(new ToolSecurityFact(ToolSecurityKind.Rejection, callId, display, refused) { Source = "escalation" });
            return new Gate(GateKind.Escalation, Reason: refused);
        }
        var assessment = _policy.Assess(argv, escalate);
        var fullAccess = _o.Sandbox.Mode == SandboxMode.DangerFullAccess;
        switch (assessment.Verdict)
        {
            case CommandVerdict.Reject:
                events.SecurityDecision(new ToolSecurityFact(ToolSecurityKind.Rejection, callId, display, assessment.Reason ?? "")
                {
                    Source = assessment.FromRule ? "rule" : "policy", FromRule = assessment.FromRule,
                });
                return new Gate(GateKind.Rejected, Reason: assessment.Reason);
            case CommandVerdict.Run:
                return new Gate(GateKind.Run, Unsandboxed: assessment.BypassSandbox || fullAccess);
        }
        if (_approvedForSession.ContainsKey(display))
        {
            return new Gate(GateKind.Run, Unsandboxed: true);
        }
        var decision = await _o.ApprovalHandler.RequestApprovalAsync(new ApprovalRequest
        {
            Kind = ApprovalKind.Command,
            CallId = callId,
            Command = argv,
            Cwd = workdir,
            Reason = justification ?? assessment.Reason,
            ProposedPrefixRule = prefixRule,
        }, ct).ConfigureAwait(false);
        var gate = Decide(decision, callId, display, ApprovalTexts.CommandRejectedByUser);
        // The prompt's reason (which rule or heuristic asked) is the audit fact, whatever the answer.
        var asked = $"{assessment.Reason ?? "approval required"}; decision: {decision}";
        events.SecurityDecision(new ToolSecurityFact(gate.Kind == GateKind.Run ? ToolSecurityKind.Approval : ToolSecurityKind.Rejection, callId, display, asked)
        {
            Source = assessment.FromRule ? "rule" : "approval", FromRule = assessment.FromRule,
        });
        return gate;
    }

    private Gate Decide(ApprovalDecision decision, string callId, string display, string rejectedText)
    {
        switch (decision)
        {
            case ApprovalDecision.ApprovedForSession or ApprovalDecision.ApprovedWithAmendment:
                _approvedForSession[display] = 0;
                return new Gate(GateKind.Run, Unsandboxed: true);
            case ApprovalDecision.Approved:
                return new Gate(GateKind.Run, Unsandboxed: true);
            case ApprovalDecision.Abort:
                throw new TurnAbortedException(callId);
            case ApprovalDecision.Unavailable:
                return new Gate(GateKind.ApprovalFailed, Reason: ApprovalTexts.ApprovalRequestFailed);
            default:
                return new Gate(GateKind.Rejected, Reason: rejectedText);
        }
    }

    /// <summary>Reports a sandbox denial of a sandboxed run, and whether the unsandboxed retry was approved.</summary>
    private static void ReportDenial(IToolEvents events, string callId, string display, SandboxDenial denial, bool retried)
    {
        events.SecurityDecision(new ToolSecurityFact(ToolSecurityKind.SandboxDenial, callId, display,
            $"{denial.Kind}: {denial.Evidence}{(retried ? "; retried without the sandbox after approval" : "")}") { Source = "sandbox" });
    }

    /// <summary>
    /// After a sandboxed command failed for sandbox reasons: under on-request / on-failure (and
    /// untrusted) ask to rerun it without the sandbox; under never keep the failure.
    /// </summary>
    private async Task<bool> ApproveRetryUnsandboxedAsync(string callId, IReadOnlyList<string> argv, string workdir, SandboxDenial denial, CancellationToken ct)
    {
        if (_o.Approval.Mode is not (ApprovalMode.OnRequest or ApprovalMode.OnFailure or ApprovalMode.Untrusted or ApprovalMode.Granular))
        {
            return false;
        }
        if (_o.Approval is { Mode: ApprovalMode.Granular, Granular.SandboxApproval: false })
        {
            return false;
        }
        var decision = await _o.ApprovalHandler.RequestApprovalAsync(new ApprovalRequest
        {
            Kind = ApprovalKind.Command,
            CallId = callId,
            Command = argv,
            Cwd = workdir,
            Reason = $"command failed in the sandbox ({denial.Evidence}); retry without sandbox?",
            RetryWithoutSandbox = true,
        }, ct).ConfigureAwait(false);
        if (decision == ApprovalDecision.Abort)
        {
            throw new TurnAbortedException(callId);
        }
        return decision is ApprovalDecision.Approved or ApprovalDecision.ApprovedForSession or ApprovalDecision.ApprovedWithAmendment;
    }
}
