namespace Cdx.Config.Model;

/// <summary>`approval_policy = { granular = {...} }`: which kinds of prompt may reach the user.</summary>
public sealed record GranularApproval(
    bool SandboxApproval,
    bool Rules,
    bool McpElicitations,
    bool RequestPermissions,
    bool SkillApproval);
