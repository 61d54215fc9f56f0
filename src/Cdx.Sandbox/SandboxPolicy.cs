namespace Cdx.Sandbox;

/// <summary>
/// What a sandboxed command may touch: the mode plus the `[sandbox_workspace_write]` options.
/// A plain record so callers (config loader, tests, the CLI) build it without depending on config code.
/// </summary>
public sealed record SandboxPolicy
{
    /// <summary>read-only, workspace-write or danger-full-access.</summary>
    public required SandboxMode Mode { get; init; }

    /// <summary>`sandbox_workspace_write.writable_roots`: extra absolute writable roots.</summary>
    public IReadOnlyList<string> WritableRoots { get; init; } = [];

    /// <summary>`--add-dir` directories, writable after <see cref="WritableRoots"/>.</summary>
    public IReadOnlyList<string> AdditionalDirectories { get; init; } = [];

    /// <summary>`sandbox_workspace_write.network_access`: outbound network in workspace-write.</summary>
    public bool NetworkAccess { get; init; }

    /// <summary>`sandbox_workspace_write.exclude_tmpdir_env_var`: do not make `$TMPDIR` writable.</summary>
    public bool ExcludeTmpdirEnvVar { get; init; }

    /// <summary>`sandbox_workspace_write.exclude_slash_tmp`: do not make `/tmp` writable.</summary>
    public bool ExcludeSlashTmp { get; init; }

    /// <summary>Subpath names kept read-only inside every writable root.</summary>
    public IReadOnlyList<string> ProtectedNames { get; init; } = DefaultProtectedNames;

    /// <summary>`.git`, `.codex` and `.agents`, as Codex protects them.</summary>
    public static IReadOnlyList<string> DefaultProtectedNames { get; } = [".git", ".codex", ".agents"];

    /// <summary>A read-only policy.</summary>
    public static SandboxPolicy ReadOnly { get; } = new() { Mode = SandboxMode.ReadOnly };

    /// <summary>A workspace-write policy with default options.</summary>
    public static SandboxPolicy WorkspaceWrite { get; } = new() { Mode = SandboxMode.WorkspaceWrite };

    /// <summary>No sandbox.</summary>
    public static SandboxPolicy DangerFullAccess { get; } = new() { Mode = SandboxMode.DangerFullAccess };

    /// <summary>True when the command may use the network (full access, or workspace-write opting in).</summary>
    public bool HasNetwork => Mode switch
    {
        SandboxMode.DangerFullAccess => true,
        SandboxMode.WorkspaceWrite => NetworkAccess,
        _ => false,
    };
}
