namespace Cdx.Config.Model;

/// <summary>`approval_policy`: a mode, plus the granular flags when the mode is granular.</summary>
public sealed record ApprovalPolicy(ApprovalMode Mode, GranularApproval? Granular = null)
{
    /// <summary>The config spelling (`on-request`, `granular`, ...).</summary>
    public override string ToString() => EnumText.Name(Mode);
}
