namespace Cdx.Core.Approvals;

/// <summary>What the human (or the non-interactive harness) answered to an approval request.</summary>
public enum ApprovalDecision
{
    /// <summary>Run this once.</summary>
    Approved,

    /// <summary>Run this, and the same command again without asking for the rest of the session.</summary>
    ApprovedForSession,

    /// <summary>Run this and persist the proposed prefix rule as `allow`.</summary>
    ApprovedWithAmendment,

    /// <summary>Do not run it; the model is told and continues.</summary>
    Denied,

    /// <summary>Do not run it and stop the turn.</summary>
    Abort,

    /// <summary>No one could be asked (exec mode): the request itself failed.</summary>
    Unavailable,
}
