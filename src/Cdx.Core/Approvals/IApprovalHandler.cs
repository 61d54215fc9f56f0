namespace Cdx.Core.Approvals;

/// <summary>Asks the human (TUI), a reviewer, or nobody (exec) whether an action may proceed.</summary>
public interface IApprovalHandler
{
    /// <summary>Returns the decision for <paramref name="request"/>.</summary>
    Task<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken ct);
}
