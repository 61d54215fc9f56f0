namespace Cdx.Core.Approvals;

/// <summary>
/// The `cdx exec` handler: there is no one to ask, so every request fails (Codex 0.169 exec reports
/// "approval request failed" to the model and marks the item failed).
/// </summary>
public sealed class NonInteractiveApprovalHandler : IApprovalHandler
{
    /// <summary>The shared instance.</summary>
    public static NonInteractiveApprovalHandler Instance { get; } = new();

    /// <inheritdoc />
    public Task<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken ct) =>
        Task.FromResult(ApprovalDecision.Unavailable);
}
