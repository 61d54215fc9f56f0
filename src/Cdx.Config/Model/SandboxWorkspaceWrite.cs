namespace Cdx.Config.Model;

/// <summary>`[sandbox_workspace_write]`: extra writable roots and network for workspace-write.</summary>
public sealed record SandboxWorkspaceWrite(
    IReadOnlyList<string> WritableRoots,
    bool NetworkAccess,
    bool ExcludeTmpdirEnvVar,
    bool ExcludeSlashTmp);
