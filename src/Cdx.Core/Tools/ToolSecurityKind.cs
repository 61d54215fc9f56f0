namespace Cdx.Core.Tools;

/// <summary>What kind of security-relevant decision a tool made.</summary>
public enum ToolSecurityKind
{
    /// <summary>An approval request was granted (the command or patch runs, possibly outside the sandbox).</summary>
    Approval,

    /// <summary>A command or patch was refused: by a rule, a requirement, the approval policy or a declined/failed approval.</summary>
    Rejection,

    /// <summary>A sandboxed command failed because the sandbox blocked it.</summary>
    SandboxDenial,
}
