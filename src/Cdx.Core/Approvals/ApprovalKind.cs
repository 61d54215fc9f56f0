namespace Cdx.Core.Approvals;

/// <summary>Which kind of action needs approval.</summary>
public enum ApprovalKind
{
    /// <summary>A command (prompt rule, escalation, or rerun after a sandbox denial).</summary>
    Command,

    /// <summary>A patch writing outside the writable roots.</summary>
    Patch,
}
