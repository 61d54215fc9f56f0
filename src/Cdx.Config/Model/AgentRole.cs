namespace Cdx.Config.Model;

/// <summary>`[agents.&lt;name&gt;]`: a sub-agent role; <see cref="ConfigFile"/> is absolute and existed at load.</summary>
public sealed record AgentRole(
    string Name,
    string? Description,
    string? ConfigFile,
    IReadOnlyList<string>? NicknameCandidates);
